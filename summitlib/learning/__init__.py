"""Learning: readable features, the linear model format, training data, training and evaluation."""
