# system.sh: the "system" suite of tests/run.sh (sourced by it, and by each
# boot job it starts): unmodified static Linux binaries booted as init,
# their output and exit status compared with the same binary run natively
# on the host.
#
#   system/compat/<area>/<name>   a tests/compat program; the host's output
#                                 is the .expected file `make compat-host`
#                                 keeps, the host's status 0 (run-host.sh
#                                 fails any other)
#   system/busybox-musl/<test>    the BusyBox we build, /bin/busybox
#   system/busybox-glibc/<test>   Debian's glibc BusyBox, /bin/busybox-glibc
#                                 (tests and rules: busybox-tests.sh)
#
# First every BusyBox test runs on the host, one at a time under a lock
# (its data folder is one fixed path), each in a pseudo-terminal as the
# system's console is one. Then each test is one boot, scripts/run.sh
# --init under TEST_TIMEOUT, JOBS at a time; the console (COM1) carries
# the program's stdout and stderr, the log (COM2) the kernel's and
# server's messages. A failure shows a short diff, the calls the log says
# are not implemented and any "killed" line; a boot where init never
# finished shows the end of the log.
#
# Environment: BUILD ISO TEST_TIMEOUT JOBS LOG_TAIL_LINES (from run.sh),
# SYSTEM_BUSYBOX_MUSL SYSTEM_BUSYBOX_GLIBC (the host's copies of the image's
# BusyBox binaries), SYSTEM_FILTER (an egrep pattern: run only the tests
# whose names match).

system_dir=$root/tests/system
SYSTEM_DATA=/tmp/mk-system-data
SYSTEM_HOST_TIMEOUT=10
# init's environment as the server sets it (unix-server/server/main.c).
SYSTEM_ENV=(HOME=/ TERM=linux)

# bb_test NAME 'ARGS' [RULE]: adds a BusyBox test (busybox-tests.sh) for
# both flavours; bb_test_musl, for the applets only our build has.
system_bb_names=() system_bb_args=() system_bb_rules=() system_bb_flavours=()
bb_test() {
	system_bb_names+=("$1")
	system_bb_args+=("$2")
	system_bb_rules+=("${3:-cat}")
	system_bb_flavours+=("${system_bb_flavour:-musl glibc}")
}
bb_test_musl() { system_bb_flavour=musl bb_test "$@"; }
. "$system_dir/busybox-tests.sh"

# The host copy of the data, made as make-initramfs.sh makes the image's:
# folders 0755, files 0755 if executable else 0644, all dated 0.
system_fresh_data() {
	rm -rf "$SYSTEM_DATA"
	cp -R "$system_dir/data" "$SYSTEM_DATA"
	find "$SYSTEM_DATA" -type d -exec chmod 0755 {} +
	find "$SYSTEM_DATA" -type f -perm -u+x -exec chmod 0755 {} +
	find "$SYSTEM_DATA" -type f ! -perm -u+x -exec chmod 0644 {} +
	find "$SYSTEM_DATA" -exec touch -h -d @0 {} +
}

# system_words BB ARGS: prints ARGS split on spaces only (as the server
# splits init's command line), one per line, with @BB@ replaced by BB.
system_words() {
	local -a words
	IFS=' ' read -r -a words <<< "$2"
	printf '%s\n' "${words[@]//@BB@/$1}"
}

# system_host_run BB ARGS OUT: runs BB ARGS natively from / with init's
# environment, in a pseudo-terminal (script), into OUT; prints the status.
system_host_run() {
	local -a argv
	local cmd status
	mapfile -t argv < <(system_words "$1" "$2")
	printf -v cmd '%q ' env -i "${SYSTEM_ENV[@]}" "$1" "${argv[@]}"
	(cd / && SHELL=$BASH timeout "$SYSTEM_HOST_TIMEOUT" \
		script -q -e -c "exec $cmd" /dev/null < /dev/null > "$3" 2>&1)
	status=$?
	echo $status
}

# system_job DIR NAME INIT EXPECTED STATUS RULE: writes one boot job.
system_job() {
	mkdir -p "$1"
	printf '%s\n' "$2" > "$1/name"
	printf '%s\n' "$3" > "$1/init"
	cp "$4" "$1/expected"
	echo "$5" > "$1/expected_status"
	echo "$6" > "$1/rule"
	echo "$1" >> "$logs/system-jobs"
}

system_compat_jobs() {
	local bin name
	while IFS= read -r bin; do
		name=compat/${bin#"$BUILD"/compat/}
		system_selected "$name" || continue
		if [ ! -f "$bin.expected" ]; then
			report "FAIL system/$name: no host output $bin.expected (make compat-host)"
			continue
		fi
		system_job "$logs/system/$name" "$name" "/compat/${name#compat/}" \
			"$bin.expected" 0 cat
	done < <(find "$BUILD/compat" -mindepth 2 -type f -perm -u+x ! -name '*.*' 2>/dev/null | sort)
}

# system_busybox_jobs FLAVOUR HOST_BINARY IMAGE_PATH: runs each BusyBox
# test on the host and writes its boot job.
system_busybox_jobs() {
	local flavour=$1 bb=$2 image_bb=$3 i name dir status
	if [ ! -x "$bb" ]; then
		report "FAIL system/busybox-$flavour: no host binary $bb (make)"
		return
	fi
	bb=$(cd "$(dirname "$bb")" && pwd)/$(basename "$bb")    # runs from /
	for i in "${!system_bb_names[@]}"; do
		name=busybox-$flavour/${system_bb_names[i]}
		[[ " ${system_bb_flavours[i]} " == *" $flavour "* ]] || continue
		system_selected "$name" || continue
		dir=$logs/system/$name
		mkdir -p "$dir"
		system_fresh_data
		status=$(system_host_run "$bb" "${system_bb_args[i]}" "$dir/host.raw")
		if [ "$status" -eq 124 ]; then
			report "FAIL system/$name: the host run timed out (${SYSTEM_HOST_TIMEOUT}s)"
			continue
		fi
		tr -d '\r' < "$dir/host.raw" > "$dir/host.out"
		system_job "$dir" "$name" \
			"$image_bb $(system_words "$image_bb" "${system_bb_args[i]}" | paste -s -d ' ')" \
			"$dir/host.out" "$status" "${system_bb_rules[i]}"
	done
}

system_selected() {
	[ -z "${SYSTEM_FILTER:-}" ] || grep -qE -- "$SYSTEM_FILTER" <<< "$1"
}

# system_unfinished STDERR: why init did not finish (run.sh's status 125),
# from QEMU's status in run.sh's stderr.
system_unfinished() {
	local qemu
	qemu=$(sed -n 's/.*init did not finish (QEMU status \([0-9]*\)).*/\1/p' "$1")
	case $qemu in
	124 | 137) echo "hung: init did not finish within ${TEST_TIMEOUT}s" ;;
	'') echo "init did not finish" ;;
	*) echo "init did not finish: $(boot_outcome "$qemu")" ;;
	esac
}

system_status_text() {
	if [ "$1" -gt 128 ] && [ "$1" -lt 192 ]; then
		echo "killed by signal $(($1 - 128)) (SIG$(kill -l $(($1 - 128)) 2>/dev/null))"
	else
		echo "exit status $1"
	fi
}

# system_boot DIR: boots one job and reports it.
system_boot() {
	local dir=$1 name init want_status rule status start took reason
	name=$(cat "$dir/name") init=$(cat "$dir/init")
	want_status=$(cat "$dir/expected_status") rule=$(cat "$dir/rule")
	start=$(date +%s.%N)
	"$root/scripts/run.sh" --iso "$ISO" --klog "$dir/log" --init "$init" \
		--timeout "$TEST_TIMEOUT" < /dev/null > "$dir/console.raw" 2> "$dir/stderr"
	status=$?
	took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1fs", b - a }')
	tr -d '\r' < "$dir/console.raw" > "$dir/console"
	"$rule" < "$dir/expected" > "$dir/want"
	"$rule" < "$dir/console" > "$dir/got"
	if [ "$status" -eq 125 ]; then
		reason=$(system_unfinished "$dir/stderr")
		{
			echo "    init: $init"
			grep -a 'unimplemented system call' "$dir/log" | sort -u | sed 's/^/    /'
			echo "    log tail:"
			tail_of "$dir/log"
		} > "$dir/details"
		report "FAIL system/$name: $reason" "$dir/details"
		return
	fi
	reason=
	[ "$status" -ne "$want_status" ] &&
		reason="$(system_status_text "$status"), host: $(system_status_text "$want_status")"
	if ! cmp -s "$dir/want" "$dir/got"; then
		reason="${reason:+$reason; }output differs"
	fi
	if [ -z "$reason" ]; then
		report "PASS system/$name ($took)"
		return
	fi
	{
		echo "    init: $init"
		diff -a -u --label host --label system "$dir/want" "$dir/got" |
			head -n "$LOG_TAIL_LINES" | sed 's/^/    /'
		grep -a -E 'unimplemented system call|killed' "$dir/log" | sort -u | sed 's/^/    /'
	} > "$dir/details"
	report "FAIL system/$name: $reason" "$dir/details"
}

run_system_tests() {
	[ -f "$ISO" ] || { report "FAIL system: no ISO at $ISO (run make)"; return; }
	: > "$logs/system-jobs"
	system_compat_jobs
	(
		flock 9
		system_busybox_jobs musl "${SYSTEM_BUSYBOX_MUSL:-$BUILD/busybox/busybox}" /bin/busybox
		system_busybox_jobs glibc \
			"${SYSTEM_BUSYBOX_GLIBC:-$BUILD/debian/busybox-static/bin/busybox}" \
			/bin/busybox-glibc
		rm -rf "$SYSTEM_DATA"
	) 9> "$SYSTEM_DATA.lock"
	local rule
	export -f system_boot system_unfinished system_status_text
	for rule in "${system_bb_rules[@]}"; do
		declare -F "$rule" > /dev/null && export -f "$rule"
	done
	xargs -P "$JOBS" -n 1 bash -c 'system_boot "$1"' _ < "$logs/system-jobs"
}
