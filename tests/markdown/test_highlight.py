"""Rouge-compatible highlighting (highlight.py, rouge_classes.py, shell_lexer.py, diff_lexer.py).

The expected spans are what Rouge 3.30 writes for the same text (checked with the reference)."""

from jekyll_py.converters.markdown.highlight import highlight_code
from jekyll_py.converters.markdown.shell_lexer import lex_console


def test_unknown_and_plain():
    assert highlight_code("x", "no-such-language") is None
    assert highlight_code("a <b> & c", None) == "a &lt;b&gt; &amp; c"
    assert highlight_code("a <b>", "plaintext") == "a &lt;b&gt;"


def test_python_classes_as_rouge():
    out = highlight_code('print("hi")  # note\n@property\n', "python")
    assert out.startswith('<span class="k">print</span><span class="p">(</span><span class="s">"hi"</span>')
    assert '<span class="c1"># note\n</span>' in out  # the comment keeps its newline
    assert '<span class="o">@</span><span class="nb">property</span>' in out


def test_javascript_quotes_are_delimiters():
    out = highlight_code("f('a', { key: 1 });", "js")
    assert '<span class="dl">\'</span><span class="s1">a</span><span class="dl">\'</span>' in out
    assert '<span class="na">key</span><span class="p">:</span> <span class="mi">1</span>' in out


def test_data_formats():
    assert '<span class="nl">"a"</span><span class="p">:</span><span class="w"> </span>' in highlight_code('{"a": 1}', "json")
    out = highlight_code('port: 4000\non: true\nname: "x"\n', "yaml")
    assert '<span class="na">port</span><span class="pi">:</span> <span class="m">4000</span>' in out
    assert '<span class="s2">"</span><span class="s">x"</span>' in out


def test_shell_builtins_keywords_and_options():
    out = highlight_code("if true; then\n  echo \"$HOME\" | grep -i x\nfi\n", "bash")
    assert out.startswith('<span class="k">if </span><span class="nb">true</span><span class="p">;</span> <span class="k">then\n  </span>')
    assert '<span class="s2">"</span><span class="nv">$HOME</span><span class="s2">"</span>' in out
    assert '<span class="nt">-i</span>' in out


def test_console_prompts_and_output():
    tokens = lex_console("$ gem install jekyll\nDone.\n")
    assert tokens[:3] == [("gp", "$"), ("w", " "), ("", "gem")]
    assert tokens[-1] == ("go", "Done.\n")


def test_diff_lines_keep_their_newline():
    out = highlight_code("--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n", "diff")
    assert out == (
        '<span class="gd">--- a\n</span><span class="gi">+++ b\n</span><span class="p">@@ -1 +1 @@</span>\n'
        '<span class="gd">-x\n</span><span class="gi">+y\n</span>'
    )


def test_css_as_rouge_reads_it():
    out = highlight_code(".nav a:hover { color: red; margin: 0 auto; --x: 1px; }\n", "css")
    assert out.startswith('<span class="nc">.nav</span> <span class="nt">a</span><span class="nd">:hover</span>')
    assert '<span class="nl">color</span><span class="p">:</span> <span class="no">red</span>' in out
    assert '<span class="m">0</span> <span class="nb">auto</span>' in out
    assert '<span class="py">--x</span><span class="p">:</span> <span class="m">1px</span>' in out


def test_html_hands_style_and_script_to_their_lexers():
    out = highlight_code("<style>p { color: red; }</style><script>var x = 'a';</script>", "html")
    assert '<span class="nl">color</span>' in out
    assert '<span class="kd">var</span>' in out and '<span class="dl">\'</span>' in out


def test_liquid_as_rouge_reads_it():
    out = highlight_code('{% if page.tags contains "x" %}{{ page.title | escape }}{% endif %}', "liquid")
    assert out.startswith('<span class="p">{%</span><span class="w"> </span><span class="kr">if</span>')
    assert '<span class="nv">page</span><span class="p">.</span><span class="nv">tags</span>' in out
    assert '<span class="ow">contains</span>' in out
    assert '<span class="p">|</span><span class="w"> </span><span class="nf">escape</span>' in out


def test_scss_as_rouge_reads_it():
    out = highlight_code("$c: #fff;\n.a { color: darken($c, 10%); &:hover { x: 1 } }\n", "scss")
    assert out.startswith('<span class="nv">$c</span><span class="p">:</span> <span class="mh">#fff</span>')
    assert '<span class="nl">color</span><span class="p">:</span> <span class="nf">darken</span>' in out
    assert '<span class="m">10%</span>' in out


def test_rouge_details_cpp_ruby_yaml_and_names():
    from jekyll_py.converters.markdown.highlight import highlight_code as hl

    # C++: functions are named only before the first `{` (Rouge's C++ brace rule)
    assert '<span class="nf">main</span>' in hl("int main() {}\n", "c++")
    assert '<span class="n">main</span>' in hl("struct P { int x; };\nint main() {}\n", "cpp")
    assert '<span class="nc">A::B::C</span>' in hl("class A::B::C\nend\n", "ruby")
    assert '<span class="no">Foo</span>' in hl("Foo::Bar\n", "ruby")
    assert '<span class="sr">%r!a</span><span class="se">\\d</span>' in hl("%r!a\\d!\n", "ruby")
    assert '<span class="s">Group </span><span class="m">1</span>' in hl("a: Group 1\n", "yaml")
    assert hl("x", "Ruby") is None and hl("x", "less") is None  # names Rouge does not know


def test_highlight_cache_returns_the_same_markup_and_can_be_bypassed():
    from jekyll_py.converters.markdown import highlight

    code = "def cached_example(x):\n    return x * 2\n"
    first = highlight.highlight_code(code, "python")
    assert highlight.highlight_code(code, "python") is first  # served from the cache
    highlight.set_highlight_cache(False)
    try:
        again = highlight.highlight_code(code, "python")
        assert again == first and again is not first
    finally:
        highlight.set_highlight_cache(True)
