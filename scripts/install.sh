#!/bin/sh
# Installs normscope from this unpacked archive: the binary, the man page and the bash, zsh and fish
# completions, under PREFIX (default ~/.local; sudo PREFIX=/usr/local ./install.sh for every user).
# Needs at run time: libncursesw6 and zlib (Debian/Ubuntu: apt-get install libncursesw6 zlib1g).
set -eu
cd "$(dirname "$0")"
prefix=${PREFIX:-$HOME/.local}
install -D -m 755 normscope "$prefix/bin/normscope"
install -D -m 644 normscope.1 "$prefix/share/man/man1/normscope.1"
install -D -m 644 completions/normscope.bash "$prefix/share/bash-completion/completions/normscope"
install -D -m 644 completions/_normscope "$prefix/share/zsh/site-functions/_normscope"
install -D -m 644 completions/normscope.fish "$prefix/share/fish/vendor_completions.d/normscope.fish"
echo "installed normscope $("$prefix/bin/normscope" --version) under $prefix (binary in $prefix/bin)"
