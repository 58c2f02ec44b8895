from sistemkerja_tui.cli import main

raise SystemExit(main())
