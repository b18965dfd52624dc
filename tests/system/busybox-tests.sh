# busybox-tests.sh: the BusyBox applet tests of the system suite, each with
# the rule its output is compared by (sourced by tests/system/system.sh).
#
#   bb_test NAME 'ARGS' [RULE]
#
# ARGS follow the BusyBox binary: /bin/busybox ARGS (or /bin/busybox-glibc)
# is init's command line in the system, and the same binary runs natively on
# the host with the same ARGS. They are split on spaces only, as the
# server splits init's command line: no quoting, no shell, no globbing. @BB@
# stands for the binary's own path on each side. Both sides have the data
# (tests/system/data) at $D, fresh for every run, and the environment
# HOME=/ TERM=linux with / as the working directory.
#
# Compared: the exit status, always as it is, and the output (stdout and
# stderr together on a terminal, the \r of ONLCR removed), byte for byte
# unless a RULE is named: then both outputs go through that filter first.
# Each filter is written right above the test that uses it and changes as
# little as it can.
#
# Commands that change files show their effect in their own output, since
# one boot runs one program (no fork yet): an operand is named again after
# the operation, and the error (or silence) it then gets proves the change.
# What that cannot show is listed at each test.

D=/tmp/mk-system-data

bb_test echo 'echo -e hello,\tworld!\x21 $HOME'
bb_test cat "cat -n $D/table.csv $D/tree/a.txt"
# ls -l: the owner and group columns (3, 4: the host's user), the time
# columns (6-8: the host copy's mtime), "total" (file-system blocks) and,
# on a directory's line, its link count and size (file-system specific)
# become "-". Compared as they are: mode, a file's link count and size,
# names and order.
rule_ls_l() {
	awk '/^total / { print "total -"; next }
		NF >= 9 { $3 = $4 = $6 = $7 = $8 = "-"; if ($1 ~ /^d/) $2 = $5 = "-" }
		{ print }'
}
bb_test ls "ls -l $D/tree" rule_ls_l
bb_test wc "wc $D/words.txt $D/table.csv"
bb_test head "head -n 3 $D/words.txt $D/table.csv"
bb_test tail "tail -n 2 $D/words.txt $D/table.csv"
bb_test sort "sort -t , -k 3 -n -r $D/table.csv"
bb_test uniq "uniq -c $D/words.txt"
bb_test grep "grep -n -i -e an -e RY $D/words.txt $D/table.csv"
bb_test sed "sed -n -e s/an/AN/gp -e /fig/= $D/words.txt"
bb_test awk 'awk -F, -v OFS=/ NR>1{s+=$3;n++}END{print(s,n)} '"$D/table.csv"
# find: the order of a directory's entries is the file system's (ext4
# hashes names, tmpfs keeps creation order), so the lines are sorted.
rule_sorted() { LC_ALL=C sort; }
bb_test find "find $D/tree" rule_sorted
# mkdir: makes new, then new/sub inside it; new again must fail with
# "File exists" (exit status 1).
bb_test mkdir "mkdir $D/new $D/new/sub $D/new"
# rm: each operand twice; the second time "No such file or directory" shows
# the first removed it (exit status 1). -r empties a tree first.
bb_test rm "rm -r $D/tree $D/words.txt $D/tree $D/words.txt"
# cp: copies words.txt into tree/, then names the copy as a source: "the
# same file" shows it exists. Not verified: the copy's contents.
bb_test cp "cp $D/words.txt $D/tree/words.txt $D/tree"
# mv: moves words.txt into tree/; renaming the moved file onto itself is
# silent only if it is there; the old name must then be gone.
bb_test mv "mv $D/words.txt $D/tree/words.txt $D/words.txt $D/tree"
# ln: -v prints each link made; the repeated target then finds its link
# ("File exists"). Not verified: what the link reads back as.
bb_test ln "ln -s -v $D/words.txt $D/words.txt $D/tree"
# stat: the format names what is compared; device, inode, owner, block
# counts and times are the host's or the file system's.
bb_test stat "stat -c %n|%s|%a|%A|%F|%h $D/words.txt $D/tree/tool.sh"
# date: a fixed time, formatted in UTC.
bb_test date 'date -u -d @1700000000'
# date-now: the system's clock against the host's: only the format is
# compared; every run of digits becomes N, runs of spaces one space (the
# day is space-padded), weekday and month names Www and Mmm.
rule_date_format() {
	sed -E -e 's/[0-9]+/N/g' -e 's/ +/ /g' \
		-e 's/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /Www /' \
		-e 's/ (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) / Mmm /'
}
bb_test date-now 'date' rule_date_format
# uname: only the fields that are the same on every x86-64 Linux.
bb_test uname 'uname -s -m'
# nproc: the count is the machine's (one CPU here, the host's own), so
# only that it prints one positive number is compared.
rule_count() {
	sed -E 's/^[1-9][0-9]*$/N/'
}
bb_test nproc 'nproc' rule_count
bb_test env 'env'
bb_test printf 'printf %s|%5d|%-4x|%c|%.2f|%b\n hello 42 255 xyz 3.14159 tab\there'
bb_test md5sum "md5sum $D/words.txt $D/table.csv $D/tree/sub/deeper/c.bin"
bb_test sha256sum "sha256sum $D/words.txt $D/table.csv $D/tree/sub/deeper/c.bin"
# tr: reads only standard input, which only a shell can redirect: sh -c
# opens the file and execs this same binary (@BB@) as the last command,
# without forking, so the test also needs execve.
bb_test tr 'sh -c @BB@${IFS}tr${IFS}a-z${IFS}A-Z<'"$D/words.txt"
bb_test cut "cut -d , -f 1,3 $D/table.csv"
# dd: "records out" and the byte count are what write() on of= returned.
# The rest of the last line, after "copied, ", is elapsed time and rate:
# it becomes TIME. Not verified: of='s contents.
rule_dd_time() { sed -E 's/ copied, .*/ copied, TIME/'; }
bb_test dd "dd if=$D/words.txt of=$D/dd.out bs=16 count=3 skip=1" rule_dd_time
bb_test od "od -A x -t x1 -c $D/tree/sub/deeper/c.bin"
bb_test hexdump "hexdump -C $D/table.csv $D/tree/sub/deeper/c.bin"
