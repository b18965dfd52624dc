# busybox-tests.sh: the BusyBox applet tests of the system suite, each with
# the rule its output is compared by (sourced by tests/system/system.sh).
#
#   bb_test NAME 'ARGS' [RULE]
#   bb_test_musl NAME 'ARGS' [RULE]   for an applet Debian's build lacks
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
# Commands that change files show their effect in their own output (they
# were written before fork): an operand is named again after the
# operation, and the error (or silence) it then gets proves the change.
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
# touch: makes new and dates words.txt now; new/x then fails with "Not a directory", which shows
# new is there and is a file. Not verified: the times set.
bb_test touch "touch $D/new $D/words.txt $D/new/x"
# chmod: -c names only the files whose mode changed: words.txt once, as its
# second turn finds the new mode already set.
bb_test chmod "chmod -c 0600 $D/words.txt $D/words.txt"
# chmod-r: -R walks the tree in directory order (the file system's): the
# lines are sorted.
bb_test chmod-r "chmod -R -v go-rx,u-w $D/tree" rule_sorted
bb_test sync "sync"
bb_test sync-f "sync -f $D/words.txt $D/tree"
bb_test seq 'seq -s , -w 1 3 10'
bb_test seq-down 'seq 3 -1 -2'
bb_test basename "basename $D/tree/a.txt .txt"
bb_test dirname "dirname $D/tree/sub/"
# tee: stdin comes from sh -c as for tr; tee copies it to the console and
# into copy; copy/x then fails with "Not a directory", which shows copy was
# made. Not verified: copy's contents.
bb_test tee 'sh -c @BB@${IFS}tee${IFS}'"$D/copy"'${IFS}'"$D/copy/x<$D/words.txt"
bb_test cmp "cmp $D/words.txt $D/words-new.txt"
bb_test cmp-l "cmp -l $D/tree/a.txt $D/tree/tool.sh"
bb_test cmp-same "cmp $D/words.txt $D/words.txt"
bb_test base64 "base64 $D/tree/sub/deeper/c.bin"
# Binary output is compared as od shows it, so that a difference reads
# (the runner's removal of \r takes any 0x0d byte on both sides alike).
rule_hex() { od -A x -t x1z; }
bb_test base64-d "base64 -d $D/packed/c.bin.b64" rule_hex
# gzip -c: the header holds the file's time (0 here) and no name; the
# compressed bytes are BusyBox's own on both sides.
bb_test gzip-c "gzip -c -9 $D/words.txt" rule_hex
# gzip: replaces words.txt with words.txt.gz; the second turn then finds no
# words.txt. Not verified: words.txt.gz.
bb_test gzip "gzip $D/words.txt $D/words.txt"
bb_test gunzip-c "gunzip -c $D/packed/words.txt.gz"
bb_test gunzip-t "gunzip -t $D/packed/words.txt.gz $D/words.txt"
bb_test bzip2-c "bzip2 -c $D/table.csv" rule_hex
bb_test bunzip2-c "bunzip2 -c $D/packed/words.txt.bz2"
bb_test bzcat "bzcat $D/packed/words.txt.bz2"
bb_test unxz "unxz -c $D/packed/words.txt.xz"
bb_test xzcat "xzcat $D/packed/words.txt.xz"
bb_test tar-t "tar -t -f $D/packed/tree.tar"
# tar-tv: the time column is local time (the host's zone) and becomes -.
rule_tar_tv() { awk '{ $4 = $5 = "-" } { print }'; }
bb_test tar-tv "tar -t -v -f $D/packed/tree.tar" rule_tar_tv
bb_test tar-x-stdout "tar -x -O -f $D/packed/tree.tar tree/a.txt tree/tool.sh"
# tar-x: extracts into packed/, -v naming each file. Not verified: the
# extracted files (tar-x-stdout shows what extraction reads).
bb_test tar-x "tar -x -v -f $D/packed/tree.tar -C $D/packed"
# tar-c: -v names each file as it is archived, in directory order (sorted).
bb_test tar-c "tar -c -v -f $D/new.tar -C $D tree" rule_sorted
bb_test cpio-t "cpio -t -F $D/packed/tree.cpio"
bb_test xxd "xxd $D/tree/sub/deeper/c.bin"
bb_test xxd-p "xxd -p -c 8 $D/table.csv"
bb_test rev "rev $D/table.csv"
bb_test nl "nl -b a -w 3 -s : -v 10 -i 5 $D/tree/a.txt $D/tabs.txt"
bb_test fold "fold -w 4 $D/table.csv"
bb_test expand "expand -t 8 $D/tabs.txt"
bb_test paste "paste -d :| $D/tree/a.txt $D/tree/a.txt $D/tree/tool.sh"
bb_test paste-s "paste -s -d , $D/tree/a.txt $D/table.csv"
bb_test tac "tac $D/table.csv $D/tree/a.txt"
# truncate: sets words.txt to 5 bytes and makes new (-s 0 would too);
# new/x then fails with "Not a directory". Not verified: the sizes.
bb_test truncate "truncate -s 5 $D/words.txt $D/new $D/new/x"
# fallocate: makes new 5000 bytes long (not verified: the size; the
# compat test files/fallocate_* is); -l 0 is EINVAL, as the message says.
bb_test fallocate "fallocate -o 100 -l 4900 $D/new"
bb_test fallocate-zero "fallocate -l 0 $D/words.txt"
bb_test realpath "realpath $D/tree/../words.txt $D/tree/sub/./deeper/ $D/tree//a.txt"
bb_test readlink-f "readlink -f $D/tree/sub/../tool.sh"
bb_test ls-la "ls -la $D/tree/sub" rule_ls_l
bb_test ls-r "ls -R -1 -F $D/tree"
bb_test sort-u "sort -u -f $D/words.txt"
bb_test sort-k "sort -t , -k 2,2 -k 3,3n $D/table.csv"
bb_test uniq-d "uniq -d -i $D/words.txt"
# diff: -L names both sides, so that no file time (printed in the host's
# zone) is in the header.
bb_test diff "diff -U 1 -L old -L new $D/words.txt $D/words-new.txt"
bb_test diff-q "diff -q $D/tree/a.txt $D/tree/tool.sh"
bb_test sha1sum "sha1sum $D/words.txt $D/table.csv $D/tree/sub/deeper/c.bin"
bb_test sha512sum "sha512sum $D/words.txt $D/tree/sub/deeper/c.bin"
bb_test sha3sum "sha3sum -a 256 $D/words.txt $D/tree/sub/deeper/c.bin"
# md5sum-c: the list has two right sums and one wrong (exit status 1).
bb_test md5sum-c "md5sum -c $D/packed/sums.md5"
bb_test crc32 "crc32 $D/words.txt $D/table.csv"
bb_test strings "strings -n 3 -o $D/tree/sub/deeper/c.bin $D/tree/a.txt"
bb_test factor 'factor 1 2 60 9973 4294967297 18446744073709551615'
bb_test expr 'expr 6 * 7 + 100 / 3'
bb_test expr-match 'expr fruit,colour : \([a-z]*\),'
bb_test expr-false 'expr 5 < 2'
bb_test test "test -f $D/words.txt -a -x $D/tree/tool.sh -a -d $D/tree"
bb_test test-false "test -s $D/missing -o -d $D/words.txt"
bb_test test-bracket "[ 12 -gt 7 -a abc != abd ]"
bb_test which "which $D/tree/tool.sh $D/words.txt"
# shuf: the order is random; sorted, the lines must be the numbers 1 to 9.
bb_test shuf 'shuf -i 1-9' rule_sorted
bb_test cal 'cal 2 2024'
bb_test dc "dc $D/packed/calc.dc"
bb_test bc "bc -q $D/packed/sums.bc"
# rmdir: the data has no empty folder: a full one, a file and a missing
# name each give their error.
bb_test rmdir "rmdir $D/tree $D/words.txt $D/missing"
bb_test link "link $D/words.txt $D/tree/words.txt"
bb_test unlink "unlink $D/words.txt"
bb_test unlink-dir "unlink $D/tree"
bb_test pwd 'pwd'
bb_test uuencode "uuencode -m $D/tree/sub/deeper/c.bin c.bin"
bb_test true 'true'
bb_test false 'false'
bb_test sleep 'sleep 0.2'
bb_test usleep 'usleep 1000'
bb_test ascii 'ascii'
# mktemp: the six X become random characters.
rule_mktemp() { sed -E 's/tmp\.[A-Za-z0-9]{6}$/tmp.XXXXXX/'; }
bb_test mktemp "mktemp -p $D tmp.XXXXXX" rule_mktemp
# env-exec: env runs the program in its own process (execve, no fork).
bb_test env-exec 'env -i A=1 B=2 @BB@ env'
# env-script: a "#!/bin/sh" script run by execve goes to its interpreter
# (/bin/sh here, the host's on the host), which runs its builtin echo.
bb_test env-script "env -i $D/tree/tool.sh"
# Processes: fork, wait4 and pipes between them. A pipeline of three
# programs, a subshell's exit status, find -exec and xargs running a
# program per item (their children exec this same binary, @BB@).
bb_test sh-pipeline 'sh -c @BB@${IFS}sort${IFS}-r<'"$D/words.txt"'|@BB@${IFS}head${IFS}-n3|@BB@${IFS}wc${IFS}-c'
bb_test sh-subshell-status 'sh -c (exit${IFS}4);echo${IFS}$?;exit${IFS}2'
bb_test find-exec "find $D/tree -name a.txt -exec @BB@ wc -c {} ;"
bb_test xargs 'sh -c echo${IFS}'"$D/words.txt"'${IFS}'"$D/table.csv"'|@BB@${IFS}xargs${IFS}-n1${IFS}@BB@${IFS}wc${IFS}-l'
# Signals: a background job and the shell's wait (it sleeps in
# sigsuspend until SIGCHLD), a trap's handler, a default action's status
# (in a second shell: the system's first one is init, which, as on Linux,
# gets no signal it does not handle).
bb_test sh-background-wait 'sh -c @BB@${IFS}sleep${IFS}0&wait;echo${IFS}waited${IFS}$?'
bb_test sh-trap 'sh -c trap${IFS}pwd${IFS}USR1;kill${IFS}-USR1${IFS}$$;echo${IFS}after'
bb_test sh-killed-status 'sh -c @BB@${IFS}sh${IFS}-c${IFS}kill\${IFS}-TERM\${IFS}\$\$;echo${IFS}$?'
bb_test getopt 'getopt -o ab:c -l long: -- -a -b x --long y z'
# The applets Debian's build does not have.
bb_test_musl printenv 'printenv HOME TERM PATH'
bb_test_musl comm "comm $D/words.txt $D/words-new.txt"
bb_test_musl comm-12 "comm -1 -2 $D/words.txt $D/words-new.txt"
# du: the sizes are the file system's blocks (every number becomes N); the
# order of a directory's entries is the file system's (sorted).
rule_du() { sed -E 's/^[0-9]+/N/' | LC_ALL=C sort; }
bb_test_musl du "du -a $D/tree" rule_du
# split: words.txt into 40-byte pieces. Not verified: the pieces.
bb_test_musl split "split -b 40 $D/words.txt $D/part."
bb_test_musl cksum "cksum $D/words.txt $D/table.csv"
bb_test_musl sum "sum $D/words.txt $D/table.csv"
bb_test_musl base32 "base32 $D/tree/sub/deeper/c.bin"
