// The ground stage (under construction).
