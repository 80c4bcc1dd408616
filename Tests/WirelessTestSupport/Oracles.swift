// Independent test oracles.
