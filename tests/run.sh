#!/usr/bin/env bash
# run.sh: the test runner behind `make test`.
#
#   tests/run.sh [SUITE...]              suites: host kernel server system runner
#                                        (default: all)
#   tests/run.sh --kernel-tests NAME...  boot just these kernel tests
#
# Prints one line per test, PASS or FAIL with the reason; a failed boot is
# followed by the tail of its serial log. Ends with "N passed, N failed" and
# exits non-zero if anything failed. Kernel tests are booted headless under a
# time limit (TEST_TIMEOUT seconds) with QEMU's exit device, so a hang, a
# panic or a triple fault is a failure and never a stuck run.
#
# Environment: BUILD ISO KERNEL (from the Makefile), TEST_TIMEOUT, JOBS;
# the system suite's are in tests/system/system.sh.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
BUILD=${BUILD:-build}
ISO=${ISO:-$BUILD/mk.iso}
KERNEL=${KERNEL:-$BUILD/microkernel/kernel.elf}
UTESTS=${UTESTS:-$BUILD/tests/kernel/utests.elf}
TEST_TIMEOUT=${TEST_TIMEOUT:-60}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 1)}
LOG_TAIL_LINES=${LOG_TAIL_LINES:-25}

results=$(mktemp "${TMPDIR:-/tmp}/mk-results.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/mk-logs.XXXXXX")
trap 'rm -rf "$results" "$logs"' EXIT

# One definition of the exit codes: the kernel's header.
exit_code() {
	local hex
	hex=$(sed -n "s/.*\b$1 = \(0x[0-9a-fA-F]*\).*/\1/p" \
		"$root/microkernel/include/mk/exit_code.h")
	[ -n "$hex" ] || { echo "run.sh: $1 missing from mk/exit_code.h" >&2; exit 2; }
	echo $(( (hex << 1) | 1 ))
}
status_pass=$(exit_code MK_EXIT_TEST_PASS)
status_fail=$(exit_code MK_EXIT_TEST_FAIL)
status_panic=$(exit_code MK_EXIT_PANIC)
status_poweroff=$(exit_code MK_EXIT_POWEROFF)

# report LINE [DETAIL_FILE]: prints a result (and details) as one write, under
# a lock so parallel jobs do not interleave.
report() {
	{
		flock 9
		echo "$1" | tee -a "$results"
		[ -n "${2:-}" ] && [ -s "$2" ] && cat "$2"
	} 9>"$logs/.lock"
}

tail_of() {
	tail -n "$LOG_TAIL_LINES" "$1" | sed 's/^/    | /'
}

boot_outcome() {
	case $1 in
	"$status_pass") echo pass ;;
	"$status_fail") echo "the test failed" ;;
	"$status_panic") echo "kernel panic" ;;
	"$status_poweroff") echo "powered off without a test result" ;;
	124 | 137) echo "hung: no result within ${TEST_TIMEOUT}s" ;;
	0) echo "machine reset (triple fault)" ;;
	*) echo "QEMU failed with status $1" ;;
	esac
}

# run_kernel_test KIND NAME: boots with KIND=NAME (ktest: in-kernel test,
# utest: native test task).
run_kernel_test() {
	local kind=$1 name=$2 log="$logs/$2.log" start end outcome status
	start=$(date +%s.%N)
	"$root/scripts/qemu.sh" --iso "$ISO" --cmdline "$kind=$name" \
		--log "$log" --timeout "$TEST_TIMEOUT" > "$logs/$name.qemu" 2>&1
	status=$?
	end=$(date +%s.%N)
	outcome=$(boot_outcome $status)
	local took
	took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1fs", b - a }')
	if [ "$outcome" = pass ]; then
		report "PASS kernel/$name ($took)"
	else
		{ tail_of "$log"; sed 's/^/    qemu: /' "$logs/$name.qemu"; } > "$logs/$name.tail"
		report "FAIL kernel/$name: $outcome; serial log tail:" "$logs/$name.tail"
	fi
}
export -f run_kernel_test report tail_of boot_outcome
export root ISO TEST_TIMEOUT LOG_TAIL_LINES logs results \
	status_pass status_fail status_panic status_poweroff

tests_in() {
	nm "$1" 2>/dev/null | sed -n "s/.* $2_desc_//p" | grep -v '^selftest_' | sort
}

# Prints "KIND NAME" for each name: utest if the native test task has it.
kernel_test_selectors() {
	local native
	native=$(tests_in "$UTESTS" utest)
	for name in "$@"; do
		if grep -qx -- "$name" <<< "$native"; then echo "utest $name"; else echo "ktest $name"; fi
	done
}

run_kernel_tests() {
	[ -f "$ISO" ] || { report "FAIL kernel: no ISO at $ISO (run make)"; return; }
	kernel_test_selectors "$@" | xargs -P "$JOBS" -L 1 bash -c 'run_kernel_test "$1" "$2"' _
}

run_host_tests() {
	local bin out status bins
	bins=$(find "$BUILD/host-tests" -type f -perm -u+x 2>/dev/null | sort)
	[ -n "$bins" ] || { report "FAIL host: no host test programs in $BUILD/host-tests"; return; }
	while IFS= read -r bin; do
		out="$logs/host.out"
		timeout "$TEST_TIMEOUT" "$bin" > "$out" 2>&1
		status=$?
		[ $status -eq 124 ] && echo "timed out after ${TEST_TIMEOUT}s" >> "$out"
		grep -E '^(PASS|FAIL) ' "$out" | while IFS= read -r line; do report "$line"; done
		if [ $status -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
			tail_of "$out" > "$logs/host.tail"
			report "FAIL host/${bin#"$BUILD"/host-tests/}: exited with status $status" \
				"$logs/host.tail"
		fi
	done <<< "$bins"
}

# The UNIX server's hostile-request test (unix-server/selftest): booted
# with ux.hostile, it prints one "hostile: PASS|FAIL name" line per check
# and its failure count becomes init's exit status.
run_server_tests() {
	local log="$logs/hostile.log" line name
	"$root/scripts/qemu.sh" --iso "$ISO" --cmdline ux.hostile --log "$log" \
		--timeout "$TEST_TIMEOUT" > /dev/null 2>&1
	while IFS= read -r line; do
		name=${line#hostile: * }
		case $line in
		"hostile: PASS "*) report "PASS server/hostile/$name" ;;
		*) report "FAIL server/hostile/$name" ;;
		esac
	done < <(grep -a -E '^hostile: (PASS|FAIL) ' "$log")
	if ! grep -a -q 'ux: init exited: status 0' "$log"; then
		tail_of "$log" > "$logs/hostile.tail"
		report "FAIL server/hostile: the test did not finish cleanly; serial log tail:" \
			"$logs/hostile.tail"
	fi
}

# The system suite: Linux binaries booted as init against the host.
. "$here/system/system.sh"

# The shell as a person uses it: BusyBox sh as init on the console; each
# line is typed once the prompt shows (arithmetic, so that only a shell
# that ran the line prints the answer), ending with its exit status.
run_shell_test() {
	local out="$logs/shell.out" klog="$logs/shell.klog" fifo="$logs/shell.in"
	local name=server/shell/runs_typed_lines_and_exits_with_their_status status pid w
	wait_for() {    # PATTERN: a console line matching it, within the time limit
		local i
		for ((i = 0; i < TEST_TIMEOUT * 10; i++)); do
			tr -d '\r' < "$out" | grep -q -- "$1" && return 0
			kill -0 "$pid" 2>/dev/null || return 1
			sleep 0.1
		done
		return 1
	}
	mkfifo "$fifo"
	: > "$out"      # the job opens it only once the fifo has a writer
	"$root/scripts/run.sh" --iso "$ISO" --klog "$klog" --init /bin/sh \
		--timeout "$TEST_TIMEOUT" < "$fifo" > "$out" 2>&1 &
	pid=$!
	exec {w}>"$fifo"
	wait_for '/ # ' && printf 'echo answer-$((6*7))\n' >&$w &&
		wait_for '^answer-42$' && printf 'cd /etc; pwd\n' >&$w &&
		wait_for '/etc # ' && printf 'exit 7\n' >&$w
	wait "$pid"
	status=$?
	exec {w}>&-
	tr -d '\r' < "$out" > "$out.lines"
	if [ $status -eq 7 ] && grep -qx 'answer-42' "$out.lines" && grep -qx '/etc' "$out.lines"
	then
		report "PASS $name"
	else
		{ tail_of "$out.lines"; tail_of "$klog"; } > "$logs/shell.tail"
		report "FAIL $name: status $status; console and log:" "$logs/shell.tail"
	fi
}

# The tracer (ux.trace=NAME) and the unimplemented-call report: cat of
# one file twice calls sendfile (not implemented) twice, which must be
# reported once and traced twice, with the calls around it as strace
# prints them.
run_tracer_test() {
	local out="$logs/trace.out" klog="$logs/trace.klog" name=server/tracer/traces_calls_and_reports_unimplemented_once
	"$root/scripts/run.sh" --iso "$ISO" --klog "$klog" --cmdline ux.trace=busybox \
		--init '/bin/busybox cat /etc/hostname /etc/hostname' \
		--timeout "$TEST_TIMEOUT" > "$out" 2>/dev/null
	local status=$? p='ux: pid 1 (busybox): ' missing=
	tr -d '\r' < "$klog" > "$klog.lines"
	for line in "${p}open(\"/etc/hostname\", O_RDONLY|O_LARGEFILE) = 3" \
		"${p}read(3, \"mk\\n\", 4096) = 3" "${p}write(1, \"mk\\n\", 3) = 3" \
		"${p}exit_group(0) = ?"; do
		grep -qxF -- "$line" "$klog.lines" || missing+="    missing: $line"$'\n'
	done
	local reports traced
	reports=$(grep -c 'unimplemented system call sendfile (40)$' "$klog.lines")
	traced=$(grep -c "^${p}sendfile(1, 3, NULL, " "$klog.lines")
	if [ $status -eq 0 ] && [ -z "$missing" ] && [ "$reports" = 1 ] && [ "$traced" = 2 ]; then
		report "PASS $name"
	else
		{ printf '%s' "$missing"; echo "    sendfile reported $reports times, traced $traced"
		  tail_of "$klog.lines"; } > "$logs/trace.tail"
		report "FAIL $name: status $status" "$logs/trace.tail"
	fi
}

# The runner's own test: kernels that panic, hang or name no test must be
# reported as failures with their serial logs, and must not stall the run.
run_runner_selftest() {
	local out="$logs/selftest.out" status
	TEST_TIMEOUT=10 LOG_TAIL_LINES=5 "$0" --kernel-tests selftest_panics \
		selftest_hangs no_such_test > "$out" 2>&1
	status=$?
	expect_runner() {
		if grep -q -- "$2" "$out"; then report "PASS runner/$1"
		else
			tail_of "$out" > "$logs/selftest.tail"
			report "FAIL runner/$1: expected '$2' in the runner's output:" "$logs/selftest.tail"
		fi
	}
	expect_runner reports_panicking_test_as_failure "^FAIL kernel/selftest_panics: kernel panic"
	expect_runner shows_serial_log_of_failed_test "| mk: panic: deliberate panic"
	expect_runner reports_hanging_test_as_failure "^FAIL kernel/selftest_hangs: hung"
	expect_runner reports_unknown_test_as_failure "^FAIL kernel/no_such_test: the test failed"
	expect_runner counts_failures_in_closing_line "^0 passed, 3 failed$"
	if [ $status -ne 0 ]; then report "PASS runner/exits_nonzero_when_a_test_fails"
	else report "FAIL runner/exits_nonzero_when_a_test_fails: exit status 0"; fi
}

if [ "${1:-}" = --kernel-tests ]; then
	shift
	run_kernel_tests "$@"
else
	[ $# -eq 0 ] && set -- host kernel server system runner
	for suite in "$@"; do
		case $suite in
		host) run_host_tests ;;
		kernel) run_kernel_tests $(tests_in "$KERNEL" ktest) $(tests_in "$UTESTS" utest) ;;
		server) run_server_tests; run_shell_test; run_tracer_test ;;
		system) run_system_tests ;;
		runner) run_runner_selftest ;;
		*) echo "run.sh: unknown suite '$suite' (host, kernel, server, system, runner)" >&2
		   exit 2 ;;
		esac
	done
fi

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
