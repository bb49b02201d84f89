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
