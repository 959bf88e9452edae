// The report stage (under construction).
