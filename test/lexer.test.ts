import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, T } from '../src/core/lex/lexer';
import { syntaxFor } from '../src/core/lex/languages';

const strings = (src: string, lang: string) => lex(src, syntaxFor(lang)).filter((t) => t.t === T.Str).map((t) => t.v);
const holes = (src: string, lang: string) => lex(src, syntaxFor(lang)).flatMap((t) => t.holes ?? []).map((h) => h.expr);

test('Python prefixes, triple quotes and f-string holes', () => {
  assert.deepEqual(strings(`a = r"\\d+" + b'x' + """one\n two"""`, 'python'), ['\\d+', 'x', 'one\n two']);
  assert.deepEqual(strings(`f"Hi {name!r}, {{ok}} {x:>10}"`, 'python'), ['Hi , {ok} ']);
  assert.deepEqual(holes(`f"Hi {name!r}, {{ok}} {x:>10}"`, 'python'), ['name', 'x']);
  assert.deepEqual(strings(`Rb'\\n' F"\\t"`, 'python'), ['\\n', '\t']);
});

// held-out 22: a review action's regex `r'(?im)^(key\s*[:=]\s*)([\'"]?)(.*)$'` ended the string at `\'` and read the
// rest of the file inside out, so a model set later in the file was lost.
test('Python raw strings: a backslash keeps the quote after it inside, both kept', () => {
  assert.deepEqual(strings(`k = r'([\\'"]?)(.*)$'\nm = "gpt-4o-mini"`, 'python'), [`([\\'"]?)(.*)$`, 'gpt-4o-mini']);
  assert.deepEqual(strings(`r"a\\"b" rb'\\'' R"\\\\"`, 'python'), ['a\\"b', "\\'", '\\\\']);
});

test('comments hide strings and calls', () => {
  assert.deepEqual(strings('# "not this"\nx = "this"', 'python'), ['this']);
  assert.deepEqual(strings('/* "a" */ // "b"\nconst x = "c";', 'javascript'), ['c']);
  assert.deepEqual(strings('=begin\n"a"\n=end\nx = "b"', 'ruby'), ['b']);
});

// 0alfred00/storyai app/workers/stories_worker.rb: a prompt written as one "…#{user_input}…" of 30 lines was cut at
// its first line break, and the rest of the file read as code.
test('Ruby: a double-quoted string spans lines, its holes kept', () => {
  assert.deepEqual(strings('x = "ROLE:\n  Be brief about #{topic}.\n"\ny = "b"', 'ruby'), ['ROLE:\n  Be brief about .\n', 'b']);
  assert.deepEqual(holes('x = "A\n#{topic}\nB"', 'ruby'), ['topic']);
});

test('Ruby: a quoted symbol in a value\'s place reads as its string; a ternary\'s colon stays', () => {
  const kinds = (src: string) => lex(src, syntaxFor('ruby')).map((t) => (t.t === T.Str ? `"${t.v}"` : t.v)).join(' ');
  // openai-ruby's README and examples/streaming.rb: `model: :"gpt-3.5-turbo-instruct"`.
  assert.equal(kinds('create(model: :"gpt-4.1", n: 1)'), 'create ( model : "gpt-4.1" , n : 1 )');
  assert.equal(kinds('m = [:"a", :\'b\']'), 'm = [ "a" , "b" ]');
  assert.equal(kinds('x = ok ? "a" : "b"'), 'x = ok ? "a" : "b"');
});

test('JavaScript template literals with nested holes', () => {
  const src = 'const s = `Hello ${user.name}, ${items.map((i) => `${i}`).join(",")}!`;';
  assert.deepEqual(strings(src, 'typescript'), ['Hello , !']);
  assert.deepEqual(holes(src, 'typescript'), ['user.name', 'items.map((i) => `${i}`).join(",")']);
});

test('Go raw strings and runes', () => {
  assert.deepEqual(strings("x := `a\\nb` + \"c\\n\"; r := 'x'", 'go'), ['a\\nb', 'c\n', 'x']);
});

test('Java text blocks strip indentation and keep the final newline', () => {
  const src = 'String s = """\n    Line one\n      indented\n    """;';
  assert.deepEqual(strings(src, 'java'), ['Line one\n  indented\n']);
});

test('a Java text block line ending in \\ joins the next line after its indentation is stripped (JLS 15 3.10.6)', () => {
  // The form of spring-petclinic-ai PetclinicTools.java's @Tool descriptions: incidental white space goes first, then
  // escapes, so no indentation is left inside the joined line.
  const src = 'String s = ("""\n\t\t\tAdd a pet. \\\n\t\t\tThe allowed types are: \\\n\t\t\t1 - cat""");';
  assert.deepEqual(strings(src, 'java'), ['Add a pet. The allowed types are: 1 - cat']);
  assert.deepEqual(strings('String s = """\n    abc \\\n    """;', 'java'), ['abc ']);
});

test('C# verbatim, interpolated and raw literals', () => {
  assert.deepEqual(strings('var a = @"C:\\path ""q"""; var b = $"Hi {name}"; var c = """\n    raw "x"\n    """;', 'csharp'), [
    'C:\\path "q"',
    'Hi ',
    'raw "x"',
  ]);
});

test("C# holes drop alignment and format ({x,10:N2} is x); Python's {a, b} stays one expression", () => {
  assert.deepEqual(holes('var s = $"{price,10:N2} {qty,-5} {Fmt(a, b),8} {name:D}";', 'csharp'), ['price', 'qty', 'Fmt(a, b)', 'name']);
  assert.deepEqual(holes('var s = $@"{price,10:N2}";', 'csharp'), ['price']);
  assert.deepEqual(holes('s = f"{a, b} {x!r:>10}"', 'python'), ['a, b', 'x']);
});

test('Ruby heredocs, %q and #{} interpolation', () => {
  const src = 'P = <<~EOS\n    Be brief.\n      Really.\n  EOS\nq = %q(it\'s (nested))\nr = "Hi #{name}"';
  assert.deepEqual(strings(src, 'ruby'), ['  Be brief.\n    Really.\n', "it's (nested)", 'Hi '].map((s, i) => (i === 0 ? 'Be brief.\n  Really.\n' : s)));
  assert.deepEqual(holes(src, 'ruby'), ['name']);
  // `<<` after a value is a shift, not a heredoc.
  assert.deepEqual(strings('a = b << FOO\nx = "y"', 'ruby'), ['y']);
});

test('Rust raw strings and lifetimes', () => {
  assert.deepEqual(strings('const P: &str = r#"say "hi""#; fn f<\'a>(x: &\'a str) {}', 'rust'), ['say "hi"']);
});

test('PHP heredoc, nowdoc and variables', () => {
  const src = "$a = <<<EOT\n  Hello $name\n  EOT;\n$b = <<<'EOT'\nraw $x\nEOT;\n";
  assert.deepEqual(strings(src, 'php'), ['Hello ', 'raw $x']);
});

test('Swift interpolation and raw strings', () => {
  assert.deepEqual(strings('let s = "Hi \\(user.name)!"; let r = #"a\\nb"#', 'swift'), ['Hi !', 'a\\nb']);
});

test('numbers with suffixes and separators', () => {
  const nums = lex('x(400u32, 1_000, 800L, 0x10, 1.5e3)', syntaxFor('rust')).filter((t) => t.t === T.Num).map((t) => t.n);
  assert.deepEqual(nums, [400, 1000, 800, 16, 1500]);
});

test('unterminated literals end without throwing and spans stay inside the text', () => {
  for (const lang of ['python', 'javascript', 'go', 'java', 'csharp', 'ruby', 'rust', 'php', 'swift', 'kotlin']) {
    for (const src of ['x = "abc', "x = '''abc", 'x = `abc ${', 'x = <<~EOS\nabc', 'x = r#"abc', 's = """\nabc', '$"{', '"\\']) {
      const toks = lex(src, syntaxFor(lang));
      for (const t of toks) assert.ok(t.start >= 0 && t.end <= src.length && t.start <= t.end, `${lang}: ${JSON.stringify(src)}`);
    }
  }
});

test('regular-expression literals are one token: a quote inside one opens no string (JavaScript, Ruby)', () => {
  // BuilderIO/micro-agent: `.replace(/"/g, '')` opened a string that ate `)` and the rest of the line.
  assert.deepEqual(strings(`s.trim().replace(/"/g, '').startsWith('looks good')`, 'typescript'), ['', 'looks good']);
  assert.deepEqual(strings("const re = /[/'`]/g; const t = 'x';", 'typescript'), ['x']);
  assert.deepEqual(strings(`if (ok) return /it's/i.test(s) ? "a" : "b";`, 'javascript'), ['a', 'b']);
  assert.deepEqual(strings(`name.gsub(/'/, "")`, 'ruby'), ['']);
  // A division stays a division, and a `/` with no closing one on its line is an operator.
  const div = lex('const h = (a + b) / 2 / c; const r = x / y; const q = "q"', syntaxFor('typescript'));
  assert.deepEqual(div.filter((t) => t.t === T.Punct && t.v.startsWith('/')).map((t) => t.v), ['/', '/', '/']);
  assert.deepEqual(lex('f(/ 2)\nconst y = 1 / 3;', syntaxFor('typescript')).filter((t) => t.v.startsWith('/')).map((t) => t.v), ['/', '/']);
  // Not in Python, where `/` is always a division.
  assert.deepEqual(strings(`p = (a / "b") / 'c'`, 'python'), ['b', 'c']);
});

test('a JSX closing tag is no regular-expression literal: the brackets after it stay brackets', () => {
  const toks = lex('return <p><b>{a}</b>{cond && (<i>x</i>)}</p>;', syntaxFor('typescriptreact'));
  // `/b>{cond && (<i>x</i` had been one token, swallowing `{` and `(` and leaving `)` and `}` unmatched.
  assert.ok(toks.every((t) => t.t !== T.Punct || t.v.length <= 2), toks.map((t) => t.v).join(' '));
  assert.equal(toks.filter((t) => t.v === '{').length, toks.filter((t) => t.v === '}').length);
  assert.equal(toks.filter((t) => t.v === '(').length, toks.filter((t) => t.v === ')').length);
});

test('a Kotlin ${…} hole may run over a few lines, and is named on one line', () => {
  const src = 'val p = "You are a coach.\\nToday: ${\n    SimpleDateFormat(\n        "yyyy-MM-dd"\n    ).format(Date())\n}"\nval q = "next"';
  assert.deepEqual(holes(src, 'kotlin'), ['SimpleDateFormat("yyyy-MM-dd").format(Date())']);
  assert.deepEqual(strings(src, 'kotlin'), ['You are a coach.\nToday: ', 'next']);
  // Past eight line breaks the hole is unterminated: the literal's text ends there, the next line lexes as code.
  const open = 'val p = "a ${' + '\n x'.repeat(12) + '\nval q = "next"';
  assert.ok(strings(open, 'kotlin').includes('next'));
});
