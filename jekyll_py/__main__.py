from jekyll_py.cli import main

raise SystemExit(main())
