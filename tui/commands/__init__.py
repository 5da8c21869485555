"""The command-line commands, one module per concern. Each defines its click commands and lists them in
COMMANDS; tui.cli adds them to the group. They share tui.commands.common and never import each other."""
