"""Project tools behind the invoke tasks: safe build, scaffolding, link check, deploy."""
