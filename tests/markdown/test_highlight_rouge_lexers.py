"""Our own Rouge-style lexers (`*_lexer.py`): one short case per language, on the points where
Pygments' lexers class tokens differently.

Every expected string is what Rouge 3.30 writes for the same code (printed by the installed
Rouge gem, as Jekyll's highlighter), not our own output. The longer, realistic snippets are in
the golden site tests/sites/highlight-languages."""

import pytest

from jekyll_py.converters.markdown.highlight import highlight_code, known_language

CASES = [
    ("shell", "make \\\n  -j4\n",
     "make <span class=\"se\">\\</span>\n  <span class=\"nt\">-j4</span>\n"),
    ("sh", "D:\\bin\\x\n",
     "D:<span class=\"se\">\\b</span><span class=\"k\">in</span><span class=\"se\">\\x</span>\n"),
    ("python", "s = '%s' % x.format(y)\n",
     "<span class=\"n\">s</span> <span class=\"o\">=</span> <span class=\"s\">'%s'</span> <span class=\"o\">%</span> <span class=\"n\">x</span><span class=\"p\">.</span><span class=\"nb\">format</span><span class=\"p\">(</span><span class=\"n\">y</span><span class=\"p\">)</span>\n"),
    ("python", "print(f\"{a!r:>4}\")\n",
     "<span class=\"k\">print</span><span class=\"p\">(</span><span class=\"sa\">f</span><span class=\"s\">\"</span><span class=\"si\">{</span><span class=\"n\">a</span><span class=\"si\">!r:</span><span class=\"o\">&gt;</span><span class=\"mi\">4</span><span class=\"si\">}</span><span class=\"s\">\"</span><span class=\"p\">)</span>\n"),
    ("coq", "Lemma l : 0 = 0.\nProof. reflexivity. Qed.\n",
     "<span class=\"k\">Lemma</span><span class=\"w\"> </span><span class=\"no\">l</span><span class=\"w\"> </span><span class=\"p\">:</span><span class=\"w\"> </span><span class=\"mi\">0</span><span class=\"w\"> </span><span class=\"o\">=</span><span class=\"w\"> </span><span class=\"mi\">0</span><span class=\"o\">.</span><span class=\"w\">\n</span><span class=\"k\">Proof</span><span class=\"pi\">.</span><span class=\"w\"> </span><span class=\"ne\">reflexivity</span><span class=\"pi\">.</span><span class=\"w\"> </span><span class=\"k\">Qed</span><span class=\"pi\">.</span><span class=\"w\">\n</span>"),
    ("r", "x <- c(1, -2)\n",
     "<span class=\"n\">x</span><span class=\"w\"> </span><span class=\"o\">&lt;-</span><span class=\"w\"> </span><span class=\"nf\">c</span><span class=\"p\">(</span><span class=\"m\">1</span><span class=\"p\">,</span><span class=\"w\"> </span><span class=\"m\">-2</span><span class=\"p\">)</span><span class=\"w\">\n</span>"),
    ("java", "int f(int a) { return a; }\n",
     "<span class=\"kt\">int</span> <span class=\"nf\">f</span><span class=\"o\">(</span><span class=\"kt\">int</span> <span class=\"n\">a</span><span class=\"o\">)</span> <span class=\"o\">{</span> <span class=\"k\">return</span> <span class=\"n\">a</span><span class=\"o\">;</span> <span class=\"o\">}</span>\n"),
    ("c", "int main(void) { return f(1.5); }\n",
     "<span class=\"kt\">int</span> <span class=\"nf\">main</span><span class=\"p\">(</span><span class=\"kt\">void</span><span class=\"p\">)</span> <span class=\"p\">{</span> <span class=\"k\">return</span> <span class=\"n\">f</span><span class=\"p\">(</span><span class=\"mi\">1</span><span class=\"p\">.</span><span class=\"mi\">5</span><span class=\"p\">);</span> <span class=\"p\">}</span>\n"),
    ("json", "{\"a\": [Widget]}\n",
     "<span class=\"p\">{</span><span class=\"nl\">\"a\"</span><span class=\"p\">:</span><span class=\"w\"> </span><span class=\"p\">[</span><span class=\"err\">Widget</span><span class=\"p\">]}</span><span class=\"w\">\n</span>"),
    ("yaml", "a: \"x\\n\"\nb: {k: v}\n",
     "<span class=\"na\">a</span><span class=\"pi\">:</span> <span class=\"s2\">\"</span><span class=\"s\">x</span><span class=\"se\">\\n</span><span class=\"s\">\"</span>\n<span class=\"na\">b</span><span class=\"pi\">:</span> <span class=\"pi\">{</span><span class=\"nv\">k</span><span class=\"pi\">:</span> <span class=\"nv\">v</span><span class=\"pi\">}</span>\n"),
    ("go", "x := \"a\\n\" // c\n",
     "<span class=\"n\">x</span> <span class=\"o\">:=</span> <span class=\"s\">\"a</span><span class=\"se\">\\n</span><span class=\"s\">\"</span> <span class=\"c\">// c</span>\n"),
    ("haskell", "f :: Int -> Int\nf x = x + 1\n",
     "<span class=\"n\">f</span> <span class=\"o\">::</span> <span class=\"kt\">Int</span> <span class=\"o\">-&gt;</span> <span class=\"kt\">Int</span>\n<span class=\"n\">f</span> <span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"n\">x</span> <span class=\"o\">+</span> <span class=\"mi\">1</span>\n"),
    ("latex", "$x^2$ \\emph{y}\n",
     "<span class=\"p\">$</span><span class=\"nb\">x</span><span class=\"p\">^</span><span class=\"m\">2</span><span class=\"p\">$</span> <span class=\"k\">\\emph</span><span class=\"p\">{</span>y<span class=\"p\">}</span>\n"),
    ('sql', 'SELECT `PROCESSLIST`, "Col ""x""", \'it\'\'s \\n\' FROM t WHERE time > 0 /* a /* nested */ b */;\ncreate table x (e enum(\'a\',\'b\'), d datetime);\n',
     '<span class="k">SELECT</span> <span class="nv">`PROCESSLIST`</span><span class="p">,</span> <span class="nv">"Col </span><span class="se">""</span><span class="nv">x</span><span class="se">""</span><span class="nv">"</span><span class="p">,</span> <span class="s1">\'it</span><span class="se">\'\'</span><span class="s1">s </span><span class="se">\\n</span><span class="s1">\'</span> <span class="k">FROM</span> <span class="n">t</span> <span class="k">WHERE</span> <span class="nb">time</span> <span class="o">&gt;</span> <span class="mi">0</span> <span class="cm">/* a /* nested */ b */</span><span class="p">;</span>\n<span class="k">create</span> <span class="k">table</span> <span class="n">x</span> <span class="p">(</span><span class="n">e</span> <span class="nb">enum</span><span class="p">(</span><span class="s1">\'a\'</span><span class="p">,</span><span class="s1">\'b\'</span><span class="p">),</span> <span class="n">d</span> <span class="nb">datetime</span><span class="p">);</span>\n'),
    ('xml', '<style name="x">\n  <item>1</item>\n</style>\n',
     '<span class="nt">&lt;style</span> <span class="na">name=</span><span class="s">"x"</span><span class="nt">&gt;</span>\n  <span class="nt">&lt;item&gt;</span>1<span class="nt">&lt;/item&gt;</span>\n<span class="nt">&lt;/style&gt;</span>\n'),
    ('ruby', '#!/usr/bin/env ruby\nclass A::B::C\n  attr_reader :x\n  def self.f; __FILE__; end\nend\n',
     '<span class="c1">#!/usr/bin/env ruby</span>\n<span class="k">class</span> <span class="nc">A::B::C</span>\n  <span class="nb">attr_reader</span> <span class="ss">:x</span>\n  <span class="k">def</span> <span class="nc">self</span><span class="o">.</span><span class="nf">f</span><span class="p">;</span> <span class="kp">__FILE__</span><span class="p">;</span> <span class="k">end</span>\n<span class="k">end</span>\n'),
    ("sass", ".a\n  color: red\n  +m(1)\n",
     "<span class=\"nc\">.a</span>\n  <span class=\"nl\">color</span><span class=\"p\">:</span> <span class=\"no\">red</span>\n  <span class=\"nd\">+m</span><span class=\"p\">(</span><span class=\"m\">1</span><span class=\"p\">)</span>\n"),
    ("graphql", "query Q($id: ID!) { user(id: $id) { name } }\n",
     "<span class=\"k\">query</span><span class=\"w\"> </span><span class=\"n\">Q</span><span class=\"p\">(</span><span class=\"nv\">$id</span><span class=\"p\">:</span><span class=\"w\"> </span><span class=\"nb\">ID</span><span class=\"p\">!)</span><span class=\"w\"> </span><span class=\"p\">{</span><span class=\"w\"> </span><span class=\"n\">user</span><span class=\"p\">(</span><span class=\"n\">id</span><span class=\"p\">:</span><span class=\"w\"> </span><span class=\"nv\">$id</span><span class=\"p\">)</span><span class=\"w\"> </span><span class=\"p\">{</span><span class=\"w\"> </span><span class=\"n\">name</span><span class=\"w\"> </span><span class=\"p\">}</span><span class=\"w\"> </span><span class=\"p\">}</span><span class=\"w\">\n</span>"),
    ("docker", "FROM ruby:3 AS b\nRUN echo \"$X\" \\\n  && ls\n",
     "<span class=\"k\">FROM</span><span class=\"w\"> </span><span class=\"s\">ruby:3</span><span class=\"w\"> </span><span class=\"k\">AS</span><span class=\"w\"> </span><span class=\"s\">b</span>\n<span class=\"k\">RUN </span><span class=\"nb\">echo</span> <span class=\"s2\">\"</span><span class=\"nv\">$X</span><span class=\"s2\">\"</span> <span class=\"se\">\\\n</span>  <span class=\"o\">&amp;&amp;</span> <span class=\"nb\">ls</span>\n"),
    ("ini", "[s]\nkey = \"v\\n\"\n",
     "<span class=\"nn\">[s]</span>\n<span class=\"py\">key</span> <span class=\"p\">=</span> <span class=\"s\">\"v</span><span class=\"se\">\\n</span><span class=\"s\">\"</span>\n"),
    ("toml", "[t]\nx = { a = 1 }\nd = 1979-05-27T07:32:00Z\n",
     "<span class=\"nn\">[t]</span>\n<span class=\"nn\">x</span> <span class=\"o\">=</span> <span class=\"p\">{</span> <span class=\"py\">a</span> <span class=\"p\">=</span> <span class=\"mi\">1</span> <span class=\"p\">}</span>\n<span class=\"py\">d</span> <span class=\"p\">=</span> <span class=\"ld\">1979-05-27T07:32:00Z</span>\n"),
    ("nginx", "server { listen 80; root /srv; }\n",
     "<span class=\"k\">server</span> <span class=\"p\">{</span> <span class=\"kn\">listen</span> <span class=\"mi\">80</span><span class=\"p\">;</span> <span class=\"kn\">root</span> <span class=\"n\">/srv</span><span class=\"p\">;</span> <span class=\"p\">}</span>\n"),
    ("makefile", "CC := gcc\nall: a.o\n\t$(CC) -o $@ $(wildcard *.c)\n",
     "<span class=\"nv\">CC</span> <span class=\"o\">:=</span> gcc\n<span class=\"nl\">all</span><span class=\"o\">:</span> <span class=\"nf\">a.o</span>\n\t<span class=\"nv\">$(CC)</span> <span class=\"nt\">-o</span> <span class=\"nv\">$@</span> <span class=\"nf\">$(</span><span class=\"nb\">wildcard</span> <span class=\"k\">*</span>.c<span class=\"nf\">)</span>\n"),
    ("matlab", "x = zeros(3); y = x';\n% c\n",
     "<span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"nb\">zeros</span><span class=\"p\">(</span><span class=\"mi\">3</span><span class=\"p\">);</span> <span class=\"n\">y</span> <span class=\"o\">=</span> <span class=\"n\">x</span><span class=\"o\">'</span><span class=\"p\">;</span>\n<span class=\"c1\">% c</span>\n"),
    ("kotlin", "val x: Int = 1\nfun f() = println(\"$x\")\n",
     "<span class=\"kd\">val</span> <span class=\"py\">x</span><span class=\"p\">:</span> <span class=\"nc\">Int</span> <span class=\"p\">=</span> <span class=\"mi\">1</span>\n<span class=\"k\">fun</span> <span class=\"nf\">f</span><span class=\"p\">()</span> <span class=\"p\">=</span> <span class=\"nf\">println</span><span class=\"p\">(</span><span class=\"s\">\"$x\"</span><span class=\"p\">)</span>\n"),
    ("swift", "let x = foo(1)\nvar s = \"a\\(x)\"\n",
     "<span class=\"k\">let</span> <span class=\"nv\">x</span> <span class=\"o\">=</span> <span class=\"nf\">foo</span><span class=\"p\">(</span><span class=\"mi\">1</span><span class=\"p\">)</span>\n<span class=\"k\">var</span> <span class=\"nv\">s</span> <span class=\"o\">=</span> <span class=\"s\">\"a</span><span class=\"se\">\\(</span><span class=\"n\">x</span><span class=\"se\">)</span><span class=\"s\">\"</span>\n"),
    ("apache", "ErrorDocument 404 /404.html\n<IfModule m>\n</IfModule>\n",
     "<span class=\"nc\">ErrorDocument</span> 404 /404.html\n<span class=\"p\">&lt;</span><span class=\"nl\">IfModule</span><span class=\"sr\"> m</span><span class=\"p\">&gt;\n&lt;/</span><span class=\"nl\">IfModule</span><span class=\"p\">&gt;\n</span>"),
    ("julia", "function f(x::Int64)\n    return x' + 1\nend\n",
     "<span class=\"k\">function</span><span class=\"nf\"> f</span><span class=\"x\">(</span><span class=\"n\">x</span><span class=\"o\">::</span><span class=\"kt\">Int64</span><span class=\"x\">)</span>\n    <span class=\"k\">return</span> <span class=\"n\">x</span><span class=\"err\">'</span> <span class=\"o\">+</span> <span class=\"mi\">1</span>\n<span class=\"k\">end</span>\n"),
    ("groovy", "def greet(String name) {\n    println \"hi ${name}\"\n}\n",
     "<span class=\"kt\">def</span> <span class=\"nf\">greet</span><span class=\"o\">(</span><span class=\"n\">String</span> <span class=\"n\">name</span><span class=\"o\">)</span> <span class=\"o\">{</span>\n    <span class=\"n\">println</span> <span class=\"s2\">\"hi ${name}\"</span>\n<span class=\"o\">}</span>\n"),
    ("objc", "- (void)run:(int)n {\n    [self doIt:@1];\n}\n",
     "<span class=\"k\">-</span> <span class=\"p\">(</span><span class=\"kt\">void</span><span class=\"p\">)</span><span class=\"nf\">run</span><span class=\"p\">:(</span><span class=\"kt\">int</span><span class=\"p\">)</span><span class=\"nv\">n</span> <span class=\"p\">{</span>\n    <span class=\"p\">[</span><span class=\"n\">self</span> <span class=\"nf\">doIt</span><span class=\"p\">:</span><span class=\"mi\">@1</span><span class=\"p\">];</span>\n<span class=\"p\">}</span>\n"),
    ("ocaml", "let x = List.map (fun y -> y + 1) [1; 2]\n",
     "<span class=\"k\">let</span> <span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"nn\">List</span><span class=\"p\">.</span><span class=\"n\">map</span> <span class=\"p\">(</span><span class=\"k\">fun</span> <span class=\"n\">y</span> <span class=\"o\">-&gt;</span> <span class=\"n\">y</span> <span class=\"o\">+</span> <span class=\"mi\">1</span><span class=\"p\">)</span> <span class=\"p\">[</span><span class=\"mi\">1</span><span class=\"p\">;</span> <span class=\"mi\">2</span><span class=\"p\">]</span>\n"),
    ("pascal", "begin x := 1; end.\n",
     "<span class=\"k\">begin</span> <span class=\"n\">x</span> <span class=\"p\">:=</span> <span class=\"m\">1</span><span class=\"p\">;</span> <span class=\"k\">end</span><span class=\"p\">.</span>\n"),
    ("vim", "\" comment\nset number\nlet g:x = 1\n",
     "<span class=\"c\">\" comment</span>\n<span class=\"k\">set</span> <span class=\"k\">number</span>\n<span class=\"k\">let</span> <span class=\"nv\">g:x</span> <span class=\"p\">=</span> <span class=\"m\">1</span>\n"),
    ("scala", "val xs: List[Int] = List(1, 2)\ndef f(a: Int) = a.toString\n",
     "<span class=\"k\">val</span> <span class=\"nv\">xs</span><span class=\"k\">:</span> <span class=\"kt\">List</span><span class=\"o\">[</span><span class=\"kt\">Int</span><span class=\"o\">]</span> <span class=\"k\">=</span> <span class=\"nc\">List</span><span class=\"o\">(</span><span class=\"mi\">1</span><span class=\"o\">,</span> <span class=\"mi\">2</span><span class=\"o\">)</span>\n<span class=\"k\">def</span> <span class=\"nf\">f</span><span class=\"o\">(</span><span class=\"n\">a</span><span class=\"k\">:</span> <span class=\"kt\">Int</span><span class=\"o\">)</span> <span class=\"k\">=</span> <span class=\"nv\">a</span><span class=\"o\">.</span><span class=\"py\">toString</span>\n"),
    ("jsx", "const App = () => <Panel.Body size={2}>hi &amp; bye</Panel.Body>;\n",
     "<span class=\"kd\">const</span> <span class=\"nx\">App</span> <span class=\"o\">=</span> <span class=\"p\">()</span> <span class=\"o\">=&gt;</span> <span class=\"p\">&lt;</span><span class=\"nc\">Panel</span><span class=\"p\">.</span><span class=\"nc\">Body</span> <span class=\"na\">size</span><span class=\"p\">=</span><span class=\"si\">{</span><span class=\"mi\">2</span><span class=\"si\">}</span><span class=\"p\">&gt;</span>hi <span class=\"ni\">&amp;amp;</span> bye<span class=\"p\">&lt;/</span><span class=\"nc\">Panel</span><span class=\"p\">.</span><span class=\"nc\">Body</span><span class=\"p\">&gt;;</span>\n"),
    ("html", "<p class=x data-y='1'>a &lt; b<br/></p>\n<script>let z = 1;</script>\n",
     "<span class=\"nt\">&lt;p</span> <span class=\"na\">class=</span><span class=\"s\">x</span> <span class=\"na\">data-y=</span><span class=\"s\">'1'</span><span class=\"nt\">&gt;</span>a <span class=\"ni\">&amp;lt;</span> b<span class=\"nt\">&lt;br/&gt;&lt;/p&gt;</span>\n<span class=\"nt\">&lt;script&gt;</span><span class=\"kd\">let</span> <span class=\"nx\">z</span> <span class=\"o\">=</span> <span class=\"mi\">1</span><span class=\"p\">;</span><span class=\"nt\">&lt;/script&gt;</span>\n"),
    ("handlebars", "<a href=\"{{url}}\">{{#if ok}}{{name}}{{else}}none{{/if}}</a>\n",
     "<span class=\"nt\">&lt;a</span> <span class=\"na\">href=</span><span class=\"s\">\"</span><span class=\"k\">{{</span><span class=\"nv\">url</span><span class=\"k\">}}</span><span class=\"s\">\"</span><span class=\"nt\">&gt;</span><span class=\"k\">{{#if</span> <span class=\"nv\">ok</span><span class=\"k\">}}{{</span><span class=\"nv\">name</span><span class=\"k\">}}{{else}}</span>none<span class=\"k\">{{/if}}</span><span class=\"nt\">&lt;/a&gt;</span>\n"),
    ("jsp", "<%@ page import=\"java.util.*\" %>\n<p><%= list.size() %></p>\n",
     "<span class=\"nt\">&lt;%@ page </span><span class=\"na\">import=</span><span class=\"s\">\"java.util.*\"</span> <span class=\"nt\">%&gt;</span>\n<span class=\"nt\">&lt;p&gt;&lt;%=</span> <span class=\"n\">list</span><span class=\"o\">.</span><span class=\"na\">size</span><span class=\"o\">()</span> <span class=\"nt\">%&gt;&lt;/p&gt;</span>\n"),
    ("powershell", "$files = Get-ChildItem -Path . | Where-Object { $_.Length -gt 10 }\n",
     "<span class=\"nv\">$files</span><span class=\"w\"> </span><span class=\"o\">=</span><span class=\"w\"> </span><span class=\"n\">Get-ChildItem</span><span class=\"w\"> </span><span class=\"nt\">-Path</span><span class=\"w\"> </span><span class=\"o\">.</span><span class=\"w\"> </span><span class=\"o\">|</span><span class=\"w\"> </span><span class=\"n\">Where-Object</span><span class=\"w\"> </span><span class=\"p\">{</span><span class=\"w\"> </span><span class=\"bp\">$_</span><span class=\"o\">.</span><span class=\"nf\">Length</span><span class=\"w\"> </span><span class=\"o\">-gt</span><span class=\"w\"> </span><span class=\"mi\">10</span><span class=\"w\"> </span><span class=\"p\">}</span><span class=\"w\">\n</span>"),
    ("php", "<?php\nfunction add(int $a): int { return $a + strlen(\"x\"); }\n",
     "<span class=\"cp\">&lt;?php</span>\n<span class=\"k\">function</span> <span class=\"n\">add</span><span class=\"p\">(</span><span class=\"kt\">int</span> <span class=\"nv\">$a</span><span class=\"p\">):</span> <span class=\"kt\">int</span> <span class=\"p\">{</span> <span class=\"k\">return</span> <span class=\"nv\">$a</span> <span class=\"o\">+</span> <span class=\"nb\">strlen</span><span class=\"p\">(</span><span class=\"s2\">\"x\"</span><span class=\"p\">);</span> <span class=\"p\">}</span>\n"),
    ("applescript", "tell application \"Mail\" to set n to count of messages -- total\n",
     "<span class=\"k\">tell</span><span class=\"w\"> </span><span class=\"nb\">application</span><span class=\"w\"> </span><span class=\"s2\">\"Mail\"</span><span class=\"w\"> </span><span class=\"k\">to</span><span class=\"w\"> </span><span class=\"k\">set</span><span class=\"w\"> </span><span class=\"nv\">n</span><span class=\"w\"> </span><span class=\"k\">to</span><span class=\"w\"> </span><span class=\"nb\">count</span><span class=\"w\"> </span><span class=\"k\">of</span><span class=\"w\"> </span><span class=\"nv\">messages</span><span class=\"w\"> </span><span class=\"c1\">-- total</span><span class=\"w\">\n</span>"),
    ("yaml", "%YAML 1.2\n---\na: |\n  text\n...\nsize: 12 \n",
     "<span class=\"nt\">%YAML</span> <span class=\"m\">1.2</span>\n<span class=\"nn\">---</span>\n<span class=\"na\">a</span><span class=\"pi\">:</span> <span class=\"pi\">|</span>\n  <span class=\"s\">text</span>\n<span class=\"s\">...</span>\n<span class=\"na\">size</span><span class=\"pi\">:</span> <span class=\"s\">12</span> \n"),
    # a plain scalar ends before an unindented line; a key on its second line is an error
    ("yaml", "just some words\nname: \"x\"\n",
     "<span class=\"s\">just some words</span>\n<span class=\"na\">name</span><span class=\"pi\">:</span> <span class=\"s2\">\"</span><span class=\"s\">x\"</span>\n"),
    ("yaml", "{% tag one %}\nplain line\n{% endtag %}\n",
     "<span class=\"pi\">{</span><span class=\"err\">%</span> <span class=\"nv\">tag one %</span><span class=\"pi\">}</span>\n<span class=\"s\">plain line</span>\n<span class=\"pi\">{</span><span class=\"err\">%</span> <span class=\"nv\">endtag %</span><span class=\"pi\">}</span>\n"),
    ("yaml", "key: value\n  more: text\ntrue\nother: 'q'\n",
     "<span class=\"na\">key</span><span class=\"pi\">:</span> <span class=\"s\">value</span>\n  <span class=\"s\">more</span><span class=\"err\">:</span> <span class=\"s\">text</span>\n<span class=\"no\">true</span>\n<span class=\"na\">other</span><span class=\"pi\">:</span> <span class=\"s1\">'</span><span class=\"s\">q'</span>\n"),
    ("ruby", "opts = { host: 'x',\n  port: 80 }\nv = a&.b\n",
     "<span class=\"n\">opts</span> <span class=\"o\">=</span> <span class=\"p\">{</span> <span class=\"ss\">host: </span><span class=\"s1\">'x'</span><span class=\"p\">,</span>\n  <span class=\"ss\">port: </span><span class=\"mi\">80</span> <span class=\"p\">}</span>\n<span class=\"n\">v</span> <span class=\"o\">=</span> <span class=\"n\">a</span><span class=\"o\">&amp;</span><span class=\"p\">.</span><span class=\"nf\">b</span>\n"),
    ("applescript", "repeat 3 times\nset x to 2if\n",
     "<span class=\"k\">repeat</span><span class=\"w\"> </span><span class=\"mi\">3</span><span class=\"w\"> </span><span class=\"k\">times</span><span class=\"w\">\n</span><span class=\"k\">set</span><span class=\"w\"> </span><span class=\"nv\">x</span><span class=\"w\"> </span><span class=\"k\">to</span><span class=\"w\"> </span><span class=\"mi\">2</span><span class=\"k\">if</span><span class=\"w\">\n</span>"),
    ("jsx", "f();<Box a=\"1\"/>\n",
     "<span class=\"nx\">f</span><span class=\"p\">();&lt;</span><span class=\"nc\">Box</span> <span class=\"na\">a</span><span class=\"p\">=</span><span class=\"s\">\"1\"</span><span class=\"p\">/&gt;</span>\n"),
    ("html", "<script>if (a <b) x = /<\\/p>/;</script>\n<style>p < q { color: red }</style>\n",
     "<span class=\"nt\">&lt;script&gt;</span><span class=\"k\">if</span> <span class=\"p\">(</span><span class=\"nx\">a</span> <span class=\"o\">&lt;</span><span class=\"nx\">b</span><span class=\"p\">)</span> <span class=\"nx\">x</span> <span class=\"o\">=</span> <span class=\"sr\">/&lt;</span><span class=\"se\">\\/</span><span class=\"sr\">p&gt;/</span><span class=\"p\">;</span><span class=\"nt\">&lt;/script&gt;</span>\n<span class=\"nt\">&lt;style&gt;p</span> <span class=\"o\">&lt;</span> <span class=\"nt\">q</span> <span class=\"p\">{</span> <span class=\"nl\">color</span><span class=\"p\">:</span> <span class=\"no\">red</span> <span class=\"p\">}</span><span class=\"nt\">&lt;/style&gt;</span>\n"),
]


# Ruby: Rouge decides by state whether `/`, `%`, `?` and `<<` start a literal; text labelled
# `ruby` that is really shell output or ERB shows it best. Expected output printed by Rouge 3.30.
RUBY_CASES = [
    ('regex_or_division',
     'total = count / 2 / rate\nputs /ab+c/i\nx = y /2\nif line =~ /^#{re}\\/x/ then ok end\n',
     '<span class="n">total</span> <span class="o">=</span> <span class="n">count</span> <span class="o">/</span> <span class="mi">2</span> <span class="o">/</span> <span class="n">rate</span>\n<span class="nb">puts</span> <span class="sr">/ab+c/i</span>\n<span class="n">x</span> <span class="o">=</span> <span class="n">y</span> <span class="sr">/2\nif line =~ /</span><span class="o">^</span><span class="c1">#{re}\\/x/ then ok end</span>\n'),
    ('shell_output',
     '$ rails new blog\ncreate  app/models/\n100% done, 3/4 files\n',
     '<span class="err">$</span> <span class="n">rails</span> <span class="n">new</span> <span class="n">blog</span>\n<span class="n">create</span>  <span class="n">app</span><span class="o">/</span><span class="n">models</span><span class="o">/</span>\n<span class="mi">100</span><span class="o">%</span> <span class="n">done</span><span class="p">,</span> <span class="mi">3</span><span class="o">/</span><span class="mi">4</span> <span class="n">files</span>\n'),
    ('percent_and_char_literals',
     'list = %w[a b] + %i(c d)\nn = 10 % 3\nr = %r{a{2}}m\nk = ?a + ?\\n\nv = ok ? 1 : 2\n',
     '<span class="n">list</span> <span class="o">=</span> <span class="sx">%w[a b]</span> <span class="o">+</span> <span class="sx">%i(c d)</span>\n<span class="n">n</span> <span class="o">=</span> <span class="mi">10</span> <span class="o">%</span> <span class="mi">3</span>\n<span class="n">r</span> <span class="o">=</span> <span class="sr">%r{a{2}}m</span>\n<span class="n">k</span> <span class="o">=</span> <span class="sc">?a</span> <span class="o">+</span> <span class="sc">?\\n</span>\n<span class="n">v</span> <span class="o">=</span> <span class="n">ok</span> <span class="p">?</span> <span class="mi">1</span> <span class="p">:</span> <span class="mi">2</span>\n'),
    ('heredocs',
     "sql = <<~SQL\n  SELECT #{cols}\n  FROM t\nSQL\nraise <<-EOS.strip, 'x'\n  bad\n  EOS\n",
     '<span class="n">sql</span> <span class="o">=</span> <span class="o">&lt;&lt;~</span><span class="no">SQL</span><span class="sh">\n  SELECT </span><span class="si">#{</span><span class="n">cols</span><span class="si">}</span><span class="sh">\n  FROM t\n</span><span class="no">SQL</span>\n<span class="k">raise</span> <span class="o">&lt;&lt;-</span><span class="no">EOS</span><span class="p">.</span><span class="nf">strip</span><span class="p">,</span> <span class="s1">\'x\'</span><span class="sh">\n  bad\n</span><span class="no">  EOS</span>\n'),
    ('erb',
     "<%= link_to 'Home', root_path %>\n<% if @user %>\n  <p>`date` & :sym</p>\n<% end %>\n",
     '<span class="o">&lt;</span><span class="sx">%= link_to \'Home\', root_path %&gt;\n&lt;% if @user %&gt;\n  &lt;p&gt;`date` &amp; :sym&lt;/p&gt;\n&lt;% end %&gt;\n</span>'),
    ('operators_and_end',
     'class << self\n  def <=>(other) = id <=> other.id\nend\nputs "a#{b}c\\t" if defined? x\n__END__\nraw /text\n',
     '<span class="k">class</span> <span class="o">&lt;&lt;</span> <span class="nb">self</span>\n  <span class="k">def</span> <span class="nf">&lt;</span><span class="o">=&gt;</span><span class="p">(</span><span class="n">other</span><span class="p">)</span> <span class="o">=</span> <span class="nb">id</span> <span class="o">&lt;=&gt;</span> <span class="n">other</span><span class="p">.</span><span class="nf">id</span>\n<span class="k">end</span>\n<span class="nb">puts</span> <span class="s2">"a</span><span class="si">#{</span><span class="n">b</span><span class="si">}</span><span class="s2">c</span><span class="se">\\t</span><span class="s2">"</span> <span class="k">if</span> <span class="k">defined?</span> <span class="n">x</span>\n<span class="cp">__END__\nraw /text\n</span>'),
    ('unicode_word_boundary',
     'x = hash에 + hash\n',
     '<span class="n">x</span> <span class="o">=</span> <span class="n">hash</span><span class="err">에</span> <span class="o">+</span> <span class="nb">hash</span>\n'),
]


@pytest.mark.parametrize("name, code, expected", RUBY_CASES, ids=[c[0] for c in RUBY_CASES])
def test_ruby_like_rouge(name, code, expected):
    assert highlight_code(code, "ruby") == expected
    assert highlight_code(code, "rb") == expected


@pytest.mark.parametrize("lang, code, expected", CASES, ids=[c[0] for c in CASES])
def test_rouge_classes(lang, code, expected):
    assert highlight_code(code, lang) == expected


def test_language_names_are_rouge_names():
    # Rouge's aliases reach our lexers; names Rouge does not know stay unknown
    assert highlight_code("x <- 1\n", "S") == highlight_code("x <- 1\n", "r")
    assert highlight_code("a :: B\n", "hs") == highlight_code("a :: B\n", "haskell")
    assert highlight_code("int x;\n", "c++") == highlight_code("int x;\n", "cpp")
    assert not known_language("Python") and not known_language("less")


def test_a_rouge_language_without_a_lexer_still_gets_rouge_markup():
    # Rouge highlights `plist`; lacking that lexer we write the code plain, but as
    # highlighted code (kramdown's Rouge wrappers), not as an unknown language
    assert known_language("plist")
    assert highlight_code("<dict/>\n", "plist") == "&lt;dict/&gt;\n"


def test_every_own_lexer_keeps_the_text_whole():
    # Whatever the input, the spans hold exactly the code (nothing lost, doubled or reordered):
    # random snippets of code-like characters through every language we lex ourselves.
    import html
    import random
    import re

    from jekyll_py.converters.markdown.highlight import _OWN_NAMES

    pieces = list("abcXYZ_019 \t\n\\'\"`$#%{}[]()<>:;.,=+-*/|&!?@^~é") + [
        "\\\n", "/*", "*/", "(*", "*)", "{-", "-}", '"""', "'''", "--", "//", "#if 0\n", "@\"",
    ]
    rng = random.Random(4)
    for lang in sorted(set(_OWN_NAMES.values())):
        for _ in range(40):
            code = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) + "\n"
            out = highlight_code(code, lang)
            assert html.unescape(re.sub(r"<[^>]+>", "", out)) == code, (lang, code)


# Printed by the Rouge gem for "alpha\nbeta\ngamma: 1\n" * 15.
_YAML_MANY_PLAIN_LINES = "<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n<span class=\"s\">alpha</span>\n<span class=\"s\">beta</span>\n<span class=\"na\">gamma</span><span class=\"pi\">:</span> <span class=\"m\">1</span>\n"


def test_yaml_many_unindented_plain_lines():
    # every `alpha`/`beta` line ends a plain scalar (30 passes of the rest of the block)
    assert highlight_code("alpha\nbeta\ngamma: 1\n" * 15, "yaml") == _YAML_MANY_PLAIN_LINES


def test_yaml_long_block_of_plain_lines_is_highlighted_whole():
    # past the cap on passes the rest keeps Pygments' reading; no recursion limit is hit
    import html
    import re

    code = "word\n" * 2000
    out = highlight_code(code, "yaml")
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == code
    assert out.startswith('<span class="s">word</span>\n<span class="s">word</span>\n')
