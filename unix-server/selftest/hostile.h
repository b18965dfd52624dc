/*
 * hostile.h: the hostile-request self-test (kernel command line
 * ux.hostile): in place of init, a native task holding a process port
 * sends the server malformed requests (wrong sizes, ids, rights, lengths)
 * and checks each gets an error answer, that rights it sent are
 * released, and that the server still answers a good request afterwards.
 * It prints "hostile: PASS|FAIL name" lines to the log and exits with the
 * number of failures, so init's exit status is the verdict.
 */
#ifndef UX_SELFTEST_HOSTILE_H
#define UX_SELFTEST_HOSTILE_H

struct process;

/* Starts the task as process p: 0 or -errno. */
int hostile_start(struct process *p);

#endif
