#!/usr/bin/env bash
# kernel_symbols NM OBJDUMP OBJECTS... -- BINARIES...: the AVX2 and AVX-512 copies of the kernels
# (core/nn/kernel_set.cpp) stay apart from the program that must run on every x86-64 CPU.
#  - Each copy's object defines no global or weak symbol outside its own namespaces (rnnwb::avx2
#    and RnnwbEigen_avx2, ...): the linker keeps one copy of a weak symbol, and a baseline caller
#    must never get the AVX-512 one.
#  - No copy runs code at start-up (no .init_array): nothing executes before the CPU is asked.
#  - In each linked program, every function that touches a ymm or zmm register is one of the
#    copies'.
set -u
nm=$1 objdump=$2
shift 2
objects=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do objects+=("$1"); shift; done
shift
failed=0
fail() { echo "FAIL: $*"; failed=1; }
set_tag='(4avx2|6avx512|RnnwbEigen_avx)' # as the names appear mangled
# nm's type letters: upper case is a global symbol, u/v/w a unique or weak one (lower case others
# are local to the object and cannot clash).

for object in "${objects[@]}"; do
  strays=$("$nm" --defined-only "$object" | awk '$2 ~ /^[A-Zuvw]$/ {print $3}' \
    | grep -Ev "$set_tag" | grep -vx 'DW.ref.__gxx_personality_v0')
  name=$(basename "$(dirname "$object")")
  if [ -n "$strays" ]; then
    fail "$name defines symbols outside its namespaces:"$'\n'"$strays"
  else
    echo "$name: $("$nm" --defined-only "$object" | wc -l) symbols, all its own"
  fi
  ! "$objdump" -h "$object" | grep -Eq '\.(init_array|ctors)' || fail "$name runs code at start-up"
done

for binary in "$@"; do
  outside=$("$objdump" -d --no-show-raw-insn "$binary" | awk -v tag="$set_tag" '
    /^[0-9a-f]+ <.*>:$/ { fn = $2; next }
    /%[yz]mm/ && fn !~ tag { print fn }' | sort -u)
  if [ -n "$outside" ]; then
    fail "$(basename "$binary") uses ymm/zmm registers outside the kernel copies:"$'\n'"$outside"
  else
    echo "$(basename "$binary"): ymm/zmm only in the kernel copies"
  fi
done
exit $failed
