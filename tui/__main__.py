"""Entry point for ``python -m tui``."""

from tui.launch import main

if __name__ == "__main__":
    main()
