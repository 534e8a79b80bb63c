# Sourced by the *.gen scripts: prints the valid estate that each generated reproducer
# starts from, after the comment line given as $1.
estate() {
  printf '# %s\n' "$1"
  printf '%s\n' 'format: 1' 'id: demo' 'name: {zh: 示例小区, en: Demo estate}' 'type: residential' 'areas:' '  total: 50000'
}
