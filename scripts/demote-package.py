#!/usr/bin/env python3
"""Access pass: demote `package` declarations that no other module uses to internal.

Usage: scripts/demote-package.py REPO [--apply] [--keep FILE:LINE ...]
A declaration stays `package` when its name (or, for members, also its enclosing type) appears in another
module's sources, in a test or harness file that imports the module without @testable, or in NormscopeTestSupport.
"""
import os, re, sys

repo = sys.argv[1]
apply = '--apply' in sys.argv
keep = set()
if '--keep' in sys.argv:
    keep = set(open(sys.argv[sys.argv.index('--keep') + 1]).read().split())

def swift_files(d):
    for root, _, files in os.walk(d):
        for f in files:
            if f.endswith('.swift'):
                yield os.path.join(root, f)

src = os.path.join(repo, 'Sources')
modules = [m for m in os.listdir(src) if os.path.isdir(os.path.join(src, m))]
ident = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')

def strip(line, state):
    """Removes comments and string contents; state tracks multi-line strings and block comments."""
    out = []
    i = 0
    while i < len(line):
        if state['block']:
            j = line.find('*/', i)
            if j < 0: return ''.join(out)
            state['block'] = False; i = j + 2; continue
        if state['multi']:
            j = line.find('"""', i)
            if j < 0: return ''.join(out)
            state['multi'] = False; i = j + 3; continue
        if line.startswith('//', i): break
        if line.startswith('/*', i): state['block'] = True; i += 2; continue
        if line.startswith('"""', i): state['multi'] = True; i += 3; continue
        c = line[i]
        if c == '"':
            j = i + 1
            while j < len(line) and line[j] != '"':
                if line[j] == '\\': j += 1
                j += 1
            out.append('""'); i = j + 1; continue
        out.append(c); i += 1
    return ''.join(out)

# Words used by each outside consumer, keyed by module they may use with package access.
outside_words = {m: set() for m in modules}
def add_words(path, mods):
    text = open(path, encoding='utf-8').read()
    words = set(ident.findall(text))
    for m in mods:
        outside_words[m] |= words

for m in modules:
    for f in swift_files(os.path.join(src, m)):
        add_words(f, [o for o in modules if o != m])
for d in ['Tests', 'Fuzz']:
    for f in swift_files(os.path.join(repo, d)):
        text = open(f, encoding='utf-8').read()
        if '/NormscopeTestSupport/' in f:
            add_words(f, modules); continue
        plain = re.findall(r'^\s*import\s+(\w+)', text, re.M)
        add_words(f, [p for p in plain if p in outside_words])

declared = set()
for m in modules:
    for f in swift_files(os.path.join(src, m)):
        declared |= set(re.findall(r'\b(?:struct|class|enum|protocol|actor|typealias)\s+([A-Za-z_]\w*)', open(f, encoding='utf-8').read()))

decl = re.compile(r'\bpackage\s+((?:(?:static|class|final|mutating|nonmutating|override|convenience|required|lazy|indirect|nonisolated|private\(set\)|internal\(set\)|fileprivate\(set\)|weak|unowned)\s+)*)'
                  r'(func|var|let|init|subscript|struct|class|enum|protocol|typealias|actor|extension|case|associatedtype)\b\s*([^\s(<:{=]*)')
typekw = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:package|public|internal|fileprivate|private|final|indirect)\s+)*(struct|class|enum|protocol|actor|extension)\s+([A-Za-z_][\w.]*)')

def run_pass(final):
  changes = []
  grew = False
  for m in modules:
      for f in sorted(swift_files(os.path.join(src, m))):
          lines = open(f, encoding='utf-8').read().split('\n')
          state = {'block': False, 'multi': False}
          stack = []  # (type name or None, depth at which it opened)
          depth = 0
          pending_type = None
          new = list(lines)
          for n, raw in enumerate(lines):
              code = strip(raw, state)
              tm = typekw.match(code)
              dm = decl.search(code)
              if dm and f'{f}:{n+1}' not in keep:
                  kind, name = dm.group(2), dm.group(3)
                  enclosing = [t for t, _ in stack if t]
                  type_name = enclosing[-1].split('.')[-1] if enclosing else None
                  used = True
                  if kind == 'extension':
                      used = name.split('.')[-1] in outside_words[m]
                  elif kind in ('init', 'subscript'):
                      used = type_name not in declared or type_name in outside_words[m]
                  elif name and ident.fullmatch(name):
                      used = name in outside_words[m]
                      if used and type_name in declared and kind not in ('struct', 'class', 'enum', 'protocol', 'actor', 'typealias'):
                          used = type_name in outside_words[m]
                  if used:
                      tail = code[dm.end():]
                      k = n + 1
                      while '{' not in tail and k < len(lines) and k < n + 8:
                          tail += ' ' + lines[k]; k += 1
                      sig = set(ident.findall(tail.split('{')[0]))
                      if not sig <= outside_words[m]:
                          outside_words[m] |= sig; grew = True
                  if not used:
                      changes.append(f'{os.path.relpath(f, repo)}:{n+1}: {kind} {name} (in {type_name})')
                      new[n] = re.sub(r'\bpackage\s+', '', raw, count=1)
              if tm:
                  pending_type = tm.group(2)
              for c in code:
                  if c == '{':
                      depth += 1
                      stack.append((pending_type, depth)); pending_type = None
                  elif c == '}':
                      if stack: stack.pop()
                      depth -= 1
          if apply and new != lines and final:
              open(f, 'w', encoding='utf-8').write('\n'.join(new))
  return changes, grew

while True:
    changes, grew = run_pass(False)
    if not grew: break
changes, _ = run_pass(True)
print('\n'.join(changes))
print(f'{len(changes)} declarations demoted', file=sys.stderr)
