"""Languages with their own Rouge-compatible lexer or re-classing: Rust, TypeScript, Markdown.

Every expected string is what Rouge 3.30 writes for the same code (run through the installed
Rouge gem), not our own output."""

from jekyll_py.converters.markdown.highlight import highlight_code


def test_rust_paths_methods_attributes_and_macros():
    code = "use std::io;\n#[derive(Debug)]\nfn f() { v.len(); x.y; vec![1u8]; Some(2) }\n"
    assert highlight_code(code, "rust") == (
        '<span class="k">use</span> <span class="nn">std</span><span class="p">::</span>'
        '<span class="n">io</span><span class="p">;</span>\n'
        '<span class="nd">#[derive(Debug)]</span>\n'
        '<span class="k">fn</span> <span class="nf">f</span><span class="p">()</span> '
        '<span class="p">{</span> <span class="n">v</span><span class="nf">.len</span>'
        '<span class="p">();</span> <span class="n">x</span><span class="py">.y</span>'
        '<span class="p">;</span> <span class="nd">vec!</span><span class="p">[</span>'
        '<span class="mi">1u8</span><span class="p">];</span> <span class="nf">Some</span>'
        '<span class="p">(</span><span class="mi">2</span><span class="p">)</span> '
        '<span class="p">}</span>\n'
    )


def test_rust_doc_comment_stops_before_the_newline():
    out = highlight_code("/// doc\nfn x() -> Self {}\n", "rs")
    assert out.startswith('<span class="cd">/// doc</span>\n<span class="k">fn</span>')
    assert '<span class="k">-&gt;</span> <span class="k">Self</span>' in out


def test_typescript_members_are_labels_and_type_words_reserved():
    code = "interface U { id: number; name?: string; }\nconst x: boolean = f(a, { k: 'v' }) as U;\n"
    assert highlight_code(code, "typescript") == (
        '<span class="kr">interface</span> <span class="nx">U</span> <span class="p">{</span> '
        '<span class="nl">id</span><span class="p">:</span> <span class="kr">number</span>'
        '<span class="p">;</span> <span class="nl">name</span><span class="p">?:</span> '
        '<span class="kr">string</span><span class="p">;</span> <span class="p">}</span>\n'
        '<span class="kd">const</span> <span class="nx">x</span><span class="p">:</span> '
        '<span class="nx">boolean</span> <span class="o">=</span> <span class="nx">f</span>'
        '<span class="p">(</span><span class="nx">a</span><span class="p">,</span> '
        '<span class="p">{</span> <span class="na">k</span><span class="p">:</span> '
        '<span class="dl">\'</span><span class="s1">v</span><span class="dl">\'</span> '
        '<span class="p">})</span> <span class="k">as</span> <span class="nx">U</span>'
        '<span class="p">;</span>\n'
    )


def test_javascript_regex_and_template_string():
    assert highlight_code("const re = /a+/g; let t = `x ${y}`;\n", "js") == (
        '<span class="kd">const</span> <span class="nx">re</span> <span class="o">=</span> '
        '<span class="sr">/a+/g</span><span class="p">;</span> <span class="kd">let</span> '
        '<span class="nx">t</span> <span class="o">=</span> <span class="s2">`x </span>'
        '<span class="p">${</span><span class="nx">y</span><span class="p">}</span>'
        '<span class="s2">`</span><span class="p">;</span>\n'
    )


def test_javascript_slash_after_a_newline_is_division():
    # Rouge's patterns cannot look behind the position: its "expression after a newline" rule
    # never applies, so this `/` is an operator
    assert highlight_code("x\n/re/\n", "javascript") == (
        '<span class="nx">x</span>\n<span class="o">/</span><span class="nx">re</span>'
        '<span class="o">/</span>\n'
    )


def test_markdown_headings_lists_fences_and_links():
    code = '# T\n\n- a *b*\n\n```ruby\nputs 1\n```\n[l](u "t")\n'
    assert highlight_code(code, "markdown") == (
        '<span class="gh"># T</span>\n<span class="p">\n-</span> a <span class="ge">*b*</span>\n\n'
        '<span class="p">```</span><span class="nl">ruby\n</span><span class="nb">puts</span> '
        '<span class="mi">1</span>\n<span class="p">```</span>\n'
        '<span class="p">[</span><span class="nv">l</span><span class="p">](</span>'
        '<span class="sx">u</span> <span class="nn">"t"</span><span class="p">)</span>\n'
    )


def test_markdown_unknown_fence_language_and_unclosed_fence():
    out = highlight_code("```nosuchlang\ncode\n```\n```js\nlet a\n", "md")
    assert '<span class="nl">nosuchlang\n</span><span class="sb">code</span>\n' in out
    assert out.endswith('<span class="nl">js\n</span><span class="kd">let</span> <span class="nx">a</span>\n')
