using RecipeBot;

FrameworkCode.CompileForThisMachine(args);
return await Cli.RunAsync(args);
