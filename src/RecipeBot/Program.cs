using RecipeBot;

return await Cli.RunAsync(args);
