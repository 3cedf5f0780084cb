#!/usr/bin/env bash
# Writes normscope(1), a man page in roff, from the program's own help text: the overview of
# `normscope --help`, then every subcommand's `--help` as it prints it (wrapped at 72 columns, so the page
# fits an 80-column terminal). The page cannot drift from the flags: it is made from the binary it ships with.
# Usage: scripts/make-manpage.sh BINARY > normscope.1     (view it with: man -l normscope.1)
set -euo pipefail
binary=${1:?usage: scripts/make-manpage.sh BINARY > normscope.1}

# help ARGS...: the help text of `normscope ARGS... --help`, 72 columns wide.
help() { COLUMNS=72 "$binary" "$@" --help; }

# roff: stdin made literal for roff: backslashes doubled, a line starting with . or ' kept as text, and
# characters past ASCII (the help's ▲) as \[uXXXX], which groff renders without a UTF-8 input mode.
roff() {
    sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" | perl -CS -pe 's/([^\x00-\x7f])/sprintf("\\[u%04X]", ord($1))/ge'
}

version=$("$binary" --version)
subcommands=$(help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[ -n "$subcommands" ] || { echo "make-manpage: no subcommands found in '$binary --help'" >&2; exit 1; }

cat <<ROFF
.TH NORMSCOPE 1 "" "normscope $version" "User Commands"
.SH NAME
normscope \\- watch per-class classifier weight norms under five long-tailed training regimes
.SH SYNOPSIS
.B normscope
[\\fIsubcommand\\fR] [\\fIoptions\\fR]
.SH DESCRIPTION
ROFF
# The overview: the paragraphs before USAGE, without the OVERVIEW: label.
help | sed -n '1,/^USAGE:/p' | sed -e '/^USAGE:/d' -e 's/^OVERVIEW: //' | roff | sed 's/^$/.PP/'
cat <<ROFF
.PP
Each subcommand's options follow, as \\fBnormscope \\fIsubcommand\\fB \\-\\-help\\fR prints them.
.SH SUBCOMMANDS
ROFF
for sub in $subcommands; do
    echo ".SS $sub"
    echo ".nf"
    help "$sub" | roff
    echo ".fi"
done
cat <<'ROFF'
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, the live view draws without colour (as \fB\-\-no\-color\fR).
.TP
.B TERM
The terminal type ncursesw draws the live view for (its terminfo entry).
.SH EXIT STATUS
0 on success; 2 when the live view has no terminal; 64 for a bad flag or command; 65 for a bad data, recipe or results file; 69 when the CPU
lacks AVX2 and FMA (x86\-64\-v3), which a release build needs; 73 when an output cannot be written; 74 when
standard output cannot be written; 130 after Ctrl\-C and 131 after Ctrl\-\e (SIGQUIT) in a headless command.
Every error is one line on standard error.
.SH SEE ALSO
.BR tmux (1),
.BR ncurses (3X).
README.md beside this page, and docs/ in the source, say more: the experiment, figures, recordings, the
results format and the paper's tables.
ROFF
