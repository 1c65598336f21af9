from pubsift.cli import main

raise SystemExit(main())
