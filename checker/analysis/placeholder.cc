// The analysis stage (under construction).
