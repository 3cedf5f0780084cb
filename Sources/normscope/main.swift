import NormscopeCLI

Normscope.main()
