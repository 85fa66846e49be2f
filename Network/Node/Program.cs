// The generate command is built in the foundation issue.
return 0;
