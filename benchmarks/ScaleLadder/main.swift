// scale-ladder: plans generated weeks of growing size (and the reference weeks) and prints a table
// of model size, solve times, scores, bounds, gaps and peak memory. See benchmarks/README.md.
ScaleLadderCommand.main()
