# A directory is searched for *.yaml and *.yml, hidden directories skipped; -v reports valid files and a count.
pm validate -v tree
