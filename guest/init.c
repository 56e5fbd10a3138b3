/* SPDX-License-Identifier: MIT */
/*
 * The freestanding first userspace program of the emulated machine: run
 * as /init from the initramfs, it prints a marker, then exercises what a
 * booted kernel must get right for real userspace (system calls in bulk,
 * anonymous mmap and demand paging, a protection fault turned into a
 * SIGSEGV whose handler repairs it, signal delivery and return, pipes,
 * fork/wait, execve of itself, the timer through nanosleep), reports each
 * as a TAP line and powers the machine off with reboot(2).
 *
 * When started with argv[1] = "exec-child" it is the program exec'd by the
 * exec test and only reports through its exit status.  With an argument
 * "bench" it runs the microbenchmarks below instead of the tests.
 */
#include "sys.h"

/* gcc may emit calls to these for struct copies and zeroing. */
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

void *memset(void *d, int c, unsigned long n)
{
	unsigned char *p = d;

	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
	unsigned char *p = d;
	const unsigned char *q = s;

	while (n--)
		*p++ = *q++;
	return d;
}

static unsigned long slen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static int seq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int starts(const char *s, const char *prefix)
{
	while (*prefix && *s == *prefix)
		s++, prefix++;
	return !*prefix;
}

static void put(const char *s)
{
	sys3(NR_write, 1, s, slen(s));
}

static void put_dec(long v)
{
	char buf[24];
	int i = 23;
	int neg = v < 0;
	unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;

	buf[i] = 0;
	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		buf[--i] = '-';
	put(buf + i);
}

static void exit_group(int code)
{
	for (;;)
		sys1(NR_exit_group, code);
}

/* If the kernel found no /dev/console, make one so the results are seen. */
static void ensure_console(void)
{
	long fd;

	if (sys3(NR_write, 1, "", 0) != -EBADF)
		return;
	sys2(NR_mkdir, "/dev", 0755);
	sys3(NR_mknod, "/dev/console", S_IFCHR | 0600, (5 << 8) | 1);
	fd = sys2(NR_open, "/dev/console", O_RDWR);
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		if (fd != i)
			sys2(NR_dup2, fd, i);
}

/* ---- tests ---------------------------------------------------------------- */

static const char *why;		/* detail printed after a failing test */

static int t_pid1(void)
{
	why = "getpid() != 1";
	return sys0(NR_getpid) == 1 && sys0(NR_getppid) == 0;
}

static int t_many_syscalls(void)
{
	struct k_utsname u;
	long pid = sys0(NR_getpid);

	for (int i = 0; i < 300; i++) {
		if (sys0(NR_getpid) != pid || sys0(NR_getppid) != 0) {
			why = "getpid/getppid changed";
			return 0;
		}
	}
	why = "uname";
	if (sys1(NR_uname, &u) != 0)
		return 0;
	return seq(u.sysname, "Linux") && seq(u.machine, "ia64");
}

static int t_mmap(void)
{
	const long len = 1L << 20;
	volatile unsigned long *p;

	p = (volatile unsigned long *)sys6(0, len, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NR_mmap);
	why = "mmap failed";
	if ((long)p < 0 && (long)p > -4096)
		return 0;
	/* One store per 4 KiB: every page is demand-faulted in. */
	for (long i = 0; i < len / 8; i += 512)
		p[i] = (unsigned long)i * 2654435761UL;
	why = "pattern mismatch";
	for (long i = 0; i < len / 8; i += 512)
		if (p[i] != (unsigned long)i * 2654435761UL || p[i + 1] != 0)
			return 0;
	why = "munmap";
	return sys2(NR_munmap, p, len) == 0;
}

static volatile int segv_count;
static volatile void *segv_addr;
static void *segv_page;
static long segv_len;

static void on_segv(int sig, struct k_siginfo *si, void *uc)
{
	(void)uc;
	if (sig != SIGSEGV)
		return;
	segv_count++;
	segv_addr = si->addr;
	/* Repair the fault: the interrupted store is re-executed. */
	sys3(NR_mprotect, segv_page, segv_len, PROT_READ | PROT_WRITE);
}

static int t_segv_repair(void)
{
	struct k_sigaction sa = { .handler = (void *)on_segv, .flags = SA_SIGINFO };
	volatile long *p;

	segv_len = 1L << 16;
	segv_page = (void *)sys6(0, segv_len, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NR_mmap);
	p = segv_page;
	why = "setup";
	if ((long)p < 0 && (long)p > -4096)
		return 0;
	if (sys4(NR_rt_sigaction, SIGSEGV, &sa, 0, 8) != 0)
		return 0;
	p[5] = 1;
	if (sys3(NR_mprotect, segv_page, segv_len, PROT_READ) != 0)
		return 0;
	p[7] = 99;				/* faults once, then succeeds */
	why = "no SIGSEGV, wrong address, or the store was lost";
	return segv_count == 1 && segv_addr == (void *)&p[7] && p[7] == 99 && p[5] == 1;
}

static volatile int usr1_count;

static void on_usr1(int sig)
{
	if (sig == SIGUSR1)
		usr1_count++;
}

static int t_signal(void)
{
	struct k_sigaction sa = { .handler = (void *)on_usr1 };

	why = "rt_sigaction/kill";
	if (sys4(NR_rt_sigaction, SIGUSR1, &sa, 0, 8) != 0)
		return 0;
	for (int i = 0; i < 3; i++)
		if (sys2(NR_kill, sys0(NR_getpid), SIGUSR1) != 0)
			return 0;
	why = "handler did not run three times";
	return usr1_count == 3;
}

static long fork(void)
{
	return sys6(SIGCHLD, 0, 0, 0, 0, 0, NR_clone);
}

static long wait_status(long pid)
{
	int status = -1;

	if (sys4(NR_wait4, pid, &status, 0, 0) != pid)
		return -1;
	return status;
}

static int t_fork_pipe(void)
{
	int fds[2];
	char buf[8];
	long pid, st;

	why = "pipe";
	if (sys2(NR_pipe2, fds, 0) != 0)
		return 0;
	pid = fork();
	why = "clone";
	if (pid < 0)
		return 0;
	if (pid == 0) {
		sys3(NR_write, fds[1], "kid", 3);
		exit_group(sys0(NR_getpid) == 1 ? 1 : 42);
	}
	why = "pipe read";
	if (sys3(NR_read, fds[0], buf, sizeof(buf)) != 3 || buf[0] != 'k' || buf[2] != 'd')
		return 0;
	st = wait_status(pid);
	why = "child status";
	sys1(NR_close, fds[0]);
	sys1(NR_close, fds[1]);
	return st == 42 << 8;			/* exited normally with 42 */
}

static int t_exec(void)
{
	static char *const argv[] = { "/init", "exec-child", "abc", 0 };
	static char *const envp[] = { 0 };
	long pid = fork(), st;

	why = "clone";
	if (pid < 0)
		return 0;
	if (pid == 0) {
		sys3(NR_execve, "/init", argv, envp);
		exit_group(127);
	}
	st = wait_status(pid);
	why = "exec'd child status (127: execve failed)";
	return st == (40 + 3) << 8;
}

static long now_ns(void)
{
	struct k_timespec t;

	if (sys2(NR_clock_gettime, CLOCK_MONOTONIC, &t) != 0)
		return -1;
	return t.sec * 1000000000L + t.nsec;
}

static int t_sleep(void)
{
	struct k_timespec d = { 0, 20 * 1000000L };
	long t0 = now_ns(), t1;

	why = "clock_gettime/nanosleep";
	if (t0 < 0 || sys2(NR_nanosleep, &d, 0) != 0)
		return 0;
	t1 = now_ns();
	why = "slept less than 20 ms or more than 10 s";
	return t1 - t0 >= 20 * 1000000L && t1 - t0 < 10 * 1000000000L;
}

static int t_brk(void)
{
	long cur = sys1(NR_brk, 0), top;
	volatile char *p = (volatile char *)cur;

	why = "brk";
	top = sys1(NR_brk, cur + (256 << 10));
	if (top < cur + (256 << 10))
		return 0;
	for (long i = 0; i < 256 << 10; i += 4096)
		p[i] = (char)i;
	return p[4096] == (char)4096;
}

/* Read a whole (small) file into buf; returns its length or -errno. */
static long slurp(const char *path, char *buf, long size)
{
	long fd = sys2(NR_open, path, 0), n, got = 0;

	if (fd < 0)
		return fd;
	while (got < size - 1 && (n = sys3(NR_read, fd, buf + got, size - 1 - got)) > 0)
		got += n;
	sys1(NR_close, fd);
	buf[got] = 0;
	return got;
}

static char procbuf[16384];

/* Print a file as TAP diagnostics ("# " before every line). */
static void put_diag(const char *text)
{
	const char *line = text;

	for (const char *p = text; *p; p++) {
		if (*p != '\n')
			continue;
		put("# ");
		sys3(NR_write, 1, line, p - line + 1);
		line = p + 1;
	}
}

static int t_proc(void)
{
	long n, cpus = 0;

	why = "mount proc";
	if (sys6((long)"proc", (long)"/proc", (long)"proc", 0, 0, 0, NR_mount) != 0)
		return 0;
	why = "read /proc/cpuinfo";
	n = slurp("/proc/cpuinfo", procbuf, sizeof(procbuf));
	if (n <= 0)
		return 0;
	for (long i = 0; i < n; i++)
		if ((i == 0 || procbuf[i - 1] == '\n') && starts(procbuf + i, "processor"))
			cpus++;
	put("# /proc/cpuinfo: ");
	put_dec(cpus);
	put(" processor(s)\n");
	if (slurp("/proc/interrupts", procbuf, sizeof(procbuf)) > 0)
		put_diag(procbuf);
	why = "no processor in /proc/cpuinfo";
	return cpus >= 1;
}

/*
 * Tasks sharing one address space, spread over the CPUs: each maps,
 * fills, checks and unmaps pages in a loop (every munmap must shoot the
 * translation down on the other CPUs running the same mm) and counts its
 * rounds into a shared counter with fetchadd.
 */
#define SHARERS		3
#define SHARE_ROUNDS	40

static volatile long shared_rounds;
static volatile long shared_errors;

static void sharer(long id)
{
	for (long r = 0; r < SHARE_ROUNDS; r++) {
		long len = 1L << 16;
		volatile long *p = (volatile long *)sys6(0, len, PROT_READ | PROT_WRITE,
							 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NR_mmap);

		if ((long)p < 0 && (long)p > -4096) {
			__sync_fetch_and_add(&shared_errors, 1);
			return;
		}
		for (long i = 0; i < len / 8; i += 128)
			p[i] = id << 32 | r << 16 | i;
		if (r % 8 == 0)
			sys0(NR_sched_yield);
		for (long i = 0; i < len / 8; i += 128)
			if (p[i] != (id << 32 | r << 16 | i))
				__sync_fetch_and_add(&shared_errors, 1);
		sys2(NR_munmap, p, len);
		__sync_fetch_and_add(&shared_rounds, 1);
	}
}

static int t_shared_vm(void)
{
	const long stack = 256L << 10;
	long pids[SHARERS];
	char *stacks;

	stacks = (char *)sys6(0, stack * SHARERS, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NR_mmap);
	why = "stack mmap";
	if ((long)stacks < 0 && (long)stacks > -4096)
		return 0;
	for (int i = 0; i < SHARERS; i++) {
		pids[i] = spawn(CLONE_VM | SIGCHLD, stacks + i * stack, stack, sharer, i + 1);
		why = "clone2";
		if (pids[i] < 0)
			return 0;
	}
	sharer(0);
	why = "a sharer did not exit with 0";
	for (int i = 0; i < SHARERS; i++)
		if (wait_status(pids[i]) != 0)
			return 0;
	why = "lost rounds or corrupted pages";
	return shared_rounds == (SHARERS + 1) * SHARE_ROUNDS && shared_errors == 0;
}

static const struct test {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "running as pid 1", t_pid1 },
	{ "300 getpid/getppid + uname", t_many_syscalls },
	{ "anonymous mmap, demand paging, munmap", t_mmap },
	{ "brk grows the heap", t_brk },
	{ "SIGSEGV on a read-only page, repaired by the handler", t_segv_repair },
	{ "SIGUSR1 delivered and returned from three times", t_signal },
	{ "fork, pipe and wait4", t_fork_pipe },
	{ "fork + execve of /init", t_exec },
	{ "nanosleep 20 ms (timer interrupts)", t_sleep },
	{ "mount /proc, read cpuinfo and interrupts", t_proc },
	{ "4 tasks in one address space: mmap/munmap churn, fetchadd", t_shared_vm },
};

/* ---- bench mode ------------------------------------------------------------ */

/*
 * With the word "bench" on the kernel command line (the kernel hands
 * unknown words to init as arguments) init only measures, in ar.itc
 * ticks, which the emulator advances by one per retired instruction slot:
 * a getpid system call, and the first touch of a fresh anonymous page
 * (one page fault, zeroed page, PTE insert).  Best of a few rounds, so
 * that a timer interrupt landing in one round does not count.
 */
static inline unsigned long itc(void)
{
	unsigned long t;

	__asm__ __volatile__ ("mov %0=ar.itc" : "=r"(t) :: "memory");
	return t;
}

#define BENCH_ROUNDS	7
#define BENCH_CALLS	256
#define BENCH_PAGES	64
/* Larger than any ia64 page size: each touch is a fault of its own. */
#define BENCH_STRIDE	(64L << 10)

static unsigned long bench_syscall(void)
{
	unsigned long best = ~0UL;

	for (int r = 0; r < BENCH_ROUNDS; r++) {
		unsigned long t0 = itc(), t;

		for (int i = 0; i < BENCH_CALLS; i++)
			sys0(NR_getpid);
		t = (itc() - t0) / BENCH_CALLS;
		if (t < best)
			best = t;
	}
	return best;
}

static unsigned long bench_pagefault(void)
{
	const long len = BENCH_PAGES * BENCH_STRIDE;
	unsigned long best = ~0UL;

	for (int r = 0; r < BENCH_ROUNDS; r++) {
		volatile char *p;
		unsigned long t0, t;

		p = (volatile char *)sys6(0, len, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, NR_mmap);
		if ((long)p < 0 && (long)p > -4096)
			return 0;
		t0 = itc();
		for (long i = 0; i < len; i += BENCH_STRIDE)
			p[i] = 1;
		t = (itc() - t0) / BENCH_PAGES;
		sys2(NR_munmap, p, len);
		if (t < best)
			best = t;
	}
	return best;
}

static void bench(void)
{
	unsigned long sc, pf;

	put("pvia64-init: bench mode\n");
	sc = bench_syscall();
	pf = bench_pagefault();
	put("pvia64-bench syscall: ");
	put_dec((long)sc);
	put(" slots/call\n");
	put("pvia64-bench pagefault: ");
	put_dec((long)pf);
	put(" slots/fault\n");
}

void init_main(long argc, char **argv);

void init_main(long argc, char **argv)
{
	const int n = (int)(sizeof(tests) / sizeof(tests[0]));
	int failed = 0;

	if (argc >= 3 && seq(argv[1], "exec-child"))
		exit_group(sys0(NR_getpid) == 1 ? 1 : 40 + (int)slen(argv[2]));

	ensure_console();
	for (long i = 1; i < argc; i++) {
		if (seq(argv[i], "bench")) {
			bench();
			sys3(NR_ioctl, 1, TCSBRK, 1);
			sys4(NR_reboot, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_POWER_OFF, 0);
			exit_group(0);
		}
	}
	put("pvia64-init: userspace reached\n");
	put("1..");
	put_dec(n);
	put("\n");
	for (int i = 0; i < n; i++) {
		int ok;

		why = "";
		ok = tests[i].fn();
		failed += !ok;
		put(ok ? "ok " : "not ok ");
		put_dec(i + 1);
		put(" - ");
		put(tests[i].name);
		if (!ok) {
			put(" # ");
			put(why);
		}
		put("\n");
	}
	put("# pvia64-init: ");
	put_dec(n - failed);
	put("/");
	put_dec(n);
	put(" passed, powering off\n");
	/* The polled console transmits from the tty buffer on a kernel timer;
	 * power-off does not wait for it, so drain the output first. */
	sys3(NR_ioctl, 1, TCSBRK, 1);
	sys4(NR_reboot, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_POWER_OFF, 0);
	put("# reboot(POWER_OFF) failed\n");
	exit_group(failed ? 1 : 0);
}
