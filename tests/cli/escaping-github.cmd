# GitHub annotations escape %, line breaks, and in the file name also ":" and ",".
cp escaping.yaml "$GOLDEN_WORK/odd: name, 100%.yaml" && cd "$GOLDEN_WORK" && pm validate --format github "odd: name, 100%.yaml"
