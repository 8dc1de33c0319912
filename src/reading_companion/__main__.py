from reading_companion.cli import main

main()
