/* SPDX-License-Identifier: MIT */
/*
 * gdb remote serial protocol stub (docs/ia64-platform.md §15.2): the
 * TCP transport (127.0.0.1 only), packets, threads (= CPUs) and execution
 * control.  The register and memory views are in gdbstub_regs.c.
 *
 * Execution control: breakpoints are kept here and compared with each
 * CPU's ip before every bundle (run_cpu() with a budget of 1), so guest
 * memory is never patched.  A single step executes one instruction slot.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "cpu.h"
#include "bundle.h"
#include "dcache.h"
#include "gdbstub.h"
#include "insn.h"
#include "machine.h"
#include "memspace.h"
#include "run.h"

#define GDB_MAX_BP	64
#define GDB_PKT_MAX	16384		/* bytes of packet payload we accept */

struct gdbstub {
	struct machine *m;
	int lfd, fd;
	bool attached;		/* false after D, k or a closed connection */
	bool stop_req;		/* stop at the next opportunity (attach, ctrl-C) */
	bool first;		/* the attach stop: gdb asks with '?', no report */
	int gcpu, ccpu;		/* Hg / Hc thread (CPU index), ccpu -1 = all */
	uint64_t bp[GDB_MAX_BP];
	unsigned nbp;
	int resume_cpu;		/* CPU that resumes on a breakpoint: skip it once */
	char in[GDB_PKT_MAX + 4];
	char out[GDB_PKT_MAX + 4];
};

/* ---- transport ---------------------------------------------------------- */

static int get_byte(struct gdbstub *g)
{
	unsigned char ch;

	for (;;) {
		ssize_t n = recv(g->fd, &ch, 1, 0);

		if (n == 1)
			return ch;
		if (n < 0 && errno == EINTR)
			continue;
		return -1;
	}
}

static bool send_all(struct gdbstub *g, const char *p, size_t len)
{
	while (len) {
		ssize_t n = send(g->fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static const char hexd[] = "0123456789abcdef";

/* Send $payload#cs and wait for the '+' (resend on '-'). */
static bool put_packet(struct gdbstub *g, const char *payload)
{
	size_t len = strlen(payload);
	unsigned sum = 0;
	char tail[3];

	for (size_t i = 0; i < len; i++)
		sum += (unsigned char)payload[i];
	tail[0] = '#';
	tail[1] = hexd[(sum >> 4) & 15];
	tail[2] = hexd[sum & 15];
	for (int tries = 0; tries < 5; tries++) {
		int ch;

		if (!send_all(g, "$", 1) || !send_all(g, payload, len) || !send_all(g, tail, 3))
			return false;
		do
			ch = get_byte(g);
		while (ch >= 0 && ch != '+' && ch != '-');
		if (ch == '+')
			return true;
		if (ch < 0)
			return false;
	}
	return false;
}

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Receive one packet into g->in (ack'ed); -1 on a closed connection.
 * A bare 0x03 outside a packet is returned as the packet "\x03". */
static int get_packet(struct gdbstub *g)
{
	for (;;) {
		int ch = get_byte(g), c1, c2;
		size_t n = 0;
		unsigned sum = 0;

		if (ch < 0)
			return -1;
		if (ch == 0x03) {
			strcpy(g->in, "\x03");
			return 0;
		}
		if (ch != '$')
			continue;
		while ((ch = get_byte(g)) >= 0 && ch != '#') {
			if (n < GDB_PKT_MAX)
				g->in[n++] = (char)ch;
			sum += (unsigned)ch;
		}
		if (ch < 0 || (c1 = get_byte(g)) < 0 || (c2 = get_byte(g)) < 0)
			return -1;
		g->in[n] = 0;
		if (hexval(c1) < 0 || hexval(c2) < 0 ||
		    (unsigned)(hexval(c1) << 4 | hexval(c2)) != (sum & 0xff) || n >= GDB_PKT_MAX) {
			if (!send_all(g, "-", 1))
				return -1;
			continue;
		}
		if (!send_all(g, "+", 1))
			return -1;
		return 0;
	}
}

/* Parse hex up to a non-hex character; *p advanced. */
static bool parse_hex(const char **p, uint64_t *v)
{
	const char *s = *p;
	uint64_t x = 0;
	int d;

	if (hexval(*s) < 0)
		return false;
	while ((d = hexval(*s)) >= 0) {
		x = (x << 4) | (uint64_t)d;
		s++;
	}
	*p = s;
	*v = x;
	return true;
}

static char *put_le(char *o, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		*o++ = hexd[b[i] >> 4];
		*o++ = hexd[b[i] & 15];
	}
	*o = 0;
	return o;
}

static bool get_le(const char *s, uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int h = hexval(s[2 * i]), l = h < 0 ? -1 : hexval(s[2 * i + 1]);

		if (l < 0)
			return false;
		b[i] = (uint8_t)(h << 4 | l);
	}
	return true;
}

/* ---- packets ----------------------------------------------------------- */

static struct cpu *thread_cpu(struct gdbstub *g, int idx)
{
	return g->m->cpu[idx >= 0 && (unsigned)idx < g->m->ncpus ? idx : 0];
}

/* Thread ids are CPU index + 1 (0 and -1 mean "any" and "all"). */
static bool parse_thread(struct gdbstub *g, const char *s, int *idx)
{
	uint64_t t;

	if (!strcmp(s, "-1") || !strcmp(s, "0")) {
		*idx = -1;
		return true;
	}
	if (!parse_hex(&s, &t) || *s || t < 1 || t > g->m->ncpus)
		return false;
	*idx = (int)t - 1;
	return true;
}

static void stop_reply(struct gdbstub *g, struct cpu *c, int sig)
{
	snprintf(g->out, sizeof(g->out), "T%02xthread:%x;", sig, c->id + 1);
}

static void cmd_read_regs(struct gdbstub *g)
{
	struct cpu *c = thread_cpu(g, g->gcpu);
	uint8_t buf[GDB_G_BYTES] = { 0 }, r[16];

	for (unsigned n = 0; n < GDB_NREGS; n++) {
		unsigned sz = gdbstub_reg_get(c, n, r);

		memcpy(buf + gdbstub_reg_offset(n), r, sz);
	}
	put_le(g->out, buf, GDB_G_BYTES);
}

static void cmd_write_regs(struct gdbstub *g, const char *s)
{
	struct cpu *c = thread_cpu(g, g->gcpu);
	uint8_t buf[GDB_G_BYTES], cur[16];

	if (strlen(s) != 2 * GDB_G_BYTES || !get_le(s, buf, GDB_G_BYTES)) {
		strcpy(g->out, "E01");
		return;
	}
	/* apply only what changed: the rest may be read-only here */
	for (unsigned n = 0; n < GDB_NREGS; n++) {
		unsigned off = gdbstub_reg_offset(n);
		unsigned sz = gdbstub_reg_get(c, n, cur);

		if (memcmp(cur, buf + off, sz) && !gdbstub_reg_set(c, n, buf + off)) {
			strcpy(g->out, "E02");
			return;
		}
	}
	strcpy(g->out, "OK");
}

static void cmd_reg(struct gdbstub *g, const char *s, bool write)
{
	struct cpu *c = thread_cpu(g, g->gcpu);
	uint64_t n;
	uint8_t b[16] = { 0 };
	unsigned sz;

	if (!parse_hex(&s, &n) || n >= GDB_NREGS || (write ? *s != '=' : *s != 0)) {
		strcpy(g->out, "E01");
		return;
	}
	sz = gdbstub_reg_get(c, (unsigned)n, b);
	if (!write) {
		put_le(g->out, b, sz);
		return;
	}
	if (strlen(s + 1) != 2 * sz || !get_le(s + 1, b, sz) || !gdbstub_reg_set(c, (unsigned)n, b))
		strcpy(g->out, "E02");
	else
		strcpy(g->out, "OK");
}

static void cmd_mem(struct gdbstub *g, const char *s, bool write)
{
	struct cpu *c = thread_cpu(g, g->gcpu);
	uint64_t a, len;
	char *o = g->out;

	if (!parse_hex(&s, &a) || *s++ != ',' || !parse_hex(&s, &len) ||
	    (write ? *s != ':' : *s != 0) || len > (GDB_PKT_MAX - 8) / 2 ||
	    (write && strlen(s + 1) != 2 * len)) {
		strcpy(g->out, "E01");
		return;
	}
	for (uint64_t i = 0; i < len; i++) {
		uint8_t b = 0;

		if (write && !get_le(s + 1 + 2 * i, &b, 1))
			break;
		if (!gdbstub_mem_byte(c, a + i, &b, write)) {
			/* a partial read is fine; nothing read is an error */
			if (write || !i)
				strcpy(g->out, "E14");
			return;
		}
		if (!write)
			o = put_le(o, &b, 1);
	}
	if (write)
		strcpy(g->out, "OK");
}

static void cmd_breakpoint(struct gdbstub *g, const char *s, bool insert)
{
	uint64_t a, kind;
	unsigned i;

	if (s[0] != '0') {		/* only software breakpoints */
		g->out[0] = 0;
		return;
	}
	s += 1;
	if (*s++ != ',' || !parse_hex(&s, &a) || *s++ != ',' || !parse_hex(&s, &kind)) {
		strcpy(g->out, "E01");
		return;
	}
	for (i = 0; i < g->nbp && g->bp[i] != a; i++)
		;
	if (insert && i == g->nbp) {
		if (g->nbp == GDB_MAX_BP) {
			strcpy(g->out, "E28");
			return;
		}
		g->bp[g->nbp++] = a;
	} else if (!insert && i < g->nbp) {
		g->bp[i] = g->bp[--g->nbp];
	}
	strcpy(g->out, "OK");
}

static void cmd_query(struct gdbstub *g, const char *s)
{
	char *o = g->out;

	*o = 0;
	if (!strncmp(s, "qSupported", 10)) {
		snprintf(o, sizeof(g->out), "PacketSize=%x", GDB_PKT_MAX);
	} else if (!strcmp(s, "qAttached")) {
		strcpy(o, "1");
	} else if (!strcmp(s, "qC")) {
		snprintf(o, sizeof(g->out), "QC%x", thread_cpu(g, g->gcpu)->id + 1);
	} else if (!strcmp(s, "qfThreadInfo")) {
		*o++ = 'm';
		for (unsigned i = 0; i < g->m->ncpus; i++)
			o += sprintf(o, "%s%x", i ? "," : "", i + 1);
	} else if (!strcmp(s, "qsThreadInfo")) {
		strcpy(o, "l");
	}
}

enum serve_result { SERVE_CONTINUE, SERVE_STEP, SERVE_DETACH };

/*
 * The machine is stopped with CPU c reported: answer packets until gdb
 * resumes, steps, detaches or kills.  *step gets the CPU to step.
 */
static enum serve_result serve(struct gdbstub *g, struct cpu *c, int sig, struct cpu **step)
{
	bool report = sig >= 0;

	g->gcpu = c->id;
	if (report) {
		stop_reply(g, c, sig);
		if (!put_packet(g, g->out))
			return SERVE_DETACH;
	}
	for (;;) {
		const char *p;

		if (get_packet(g))
			return SERVE_DETACH;
		p = g->in;
		g->out[0] = 0;
		switch (p[0]) {
		case 0x03:
			continue;	/* already stopped */
		case '?':
			stop_reply(g, c, 5);
			break;
		case 'g':
			cmd_read_regs(g);
			break;
		case 'G':
			cmd_write_regs(g, p + 1);
			break;
		case 'p':
		case 'P':
			cmd_reg(g, p + 1, p[0] == 'P');
			break;
		case 'm':
		case 'M':
			cmd_mem(g, p + 1, p[0] == 'M');
			break;
		case 'Z':
		case 'z':
			cmd_breakpoint(g, p + 1, p[0] == 'Z');
			break;
		case 'H': {
			int idx;

			if ((p[1] != 'g' && p[1] != 'c') || !parse_thread(g, p + 2, &idx)) {
				strcpy(g->out, "E01");
				break;
			}
			if (p[1] == 'g')
				g->gcpu = idx < 0 ? c->id : idx;
			else
				g->ccpu = idx;
			strcpy(g->out, "OK");
			break;
		}
		case 'T': {
			int idx;

			strcpy(g->out, parse_thread(g, p + 1, &idx) && idx >= 0 ? "OK" : "E01");
			break;
		}
		case 'q':
			cmd_query(g, p);
			break;
		case 'c':
		case 's': {
			uint64_t a;
			const char *s = p + 1;

			if (*s && parse_hex(&s, &a)) {
				c->ip = a & ~15ULL;
				c->slot = (a & 15) < 3 ? (unsigned)(a & 15) : 0;
			}
			if (p[0] == 'c')
				return SERVE_CONTINUE;
			*step = g->ccpu >= 0 ? thread_cpu(g, g->ccpu) : c;
			return SERVE_STEP;
		}
		case 'D':
			put_packet(g, "OK");
			return SERVE_DETACH;
		case 'k':
			machine_stop(g->m, MSTOP_RESET, 0, "killed by gdb");
			return SERVE_DETACH;
		default:
			break;		/* unsupported: empty reply */
		}
		if (!put_packet(g, g->out))
			return SERVE_DETACH;
	}
}

static void detach(struct gdbstub *g)
{
	g->attached = false;
	g->nbp = 0;
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
}

/* Serve a stop of CPU c, running the single steps gdb asks for. */
static void stopped(struct gdbstub *g, struct cpu *c, int sig)
{
	for (;;) {
		struct cpu *s = c;

		switch (serve(g, c, sig, &s)) {
		case SERVE_CONTINUE:
			g->resume_cpu = c->id;
			return;
		case SERVE_DETACH:
			detach(g);
			return;
		case SERVE_STEP:
			if (run_slot(s) == X_HALT) {
				machine_stop(g->m, MSTOP_FATAL, 3, "cpu%d halted while stepping", s->id);
				detach(g);
				return;
			}
			c = s;
			sig = 5;
			break;
		}
	}
}

enum bp_match { BP_NONE, BP_HIT, BP_LATER_SLOT };

/* gdb addresses a slot as bundle | slot: a hit is the exact slot about to
 * run; a breakpoint on a later slot of this bundle needs slot steps. */
static enum bp_match at_breakpoint(const struct gdbstub *g, const struct cpu *c)
{
	enum bp_match m = BP_NONE;

	for (unsigned i = 0; i < g->nbp; i++) {
		uint64_t slot = g->bp[i] & 15;

		if ((g->bp[i] & ~15ULL) != c->ip)
			continue;
		if (slot == c->slot)
			return BP_HIT;
		if (slot > c->slot)
			m = BP_LATER_SLOT;
	}
	return m;
}

int gdbstub_run_cpu(struct gdbstub *g, struct cpu *c, uint64_t budget)
{
	uint64_t end = c->retired + budget;
	int r;

	if (!g->attached)
		return run_cpu(c, budget);
	if (g->stop_req) {
		g->stop_req = false;
		stopped(g, c, g->first ? -1 : 2);
		g->first = false;
		if (g->m->stop != MSTOP_NONE)
			return X_NEXT;
		if (!g->attached)
			return run_cpu(c, budget);
	}
	if (!g->nbp) {
		g->resume_cpu = -1;
		return run_cpu(c, budget);
	}
	while (c->retired < end && g->attached && g->m->stop == MSTOP_NONE) {
		enum bp_match bm = at_breakpoint(g, c);

		if (g->resume_cpu == c->id) {
			g->resume_cpu = -1;	/* step off the reported breakpoint */
			if (bm == BP_HIT)
				bm = BP_LATER_SLOT;
		}
		if (bm == BP_HIT) {
			stopped(g, c, 5);
			continue;
		}
		r = bm == BP_LATER_SLOT ? run_slot(c) : run_cpu(c, 1);
		if (r == X_HALT || r == X_YIELD)
			return r;
	}
	return X_NEXT;
}

/* Per-round hook: a ctrl-C (0x03) from gdb stops the machine. */
static void poll_interrupt(struct machine *m, void *ctx)
{
	struct gdbstub *g = ctx;
	struct pollfd pfd;
	unsigned char ch;

	(void)m;
	if (!g->attached || g->stop_req)
		return;
	pfd.fd = g->fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 0) <= 0)
		return;
	if (recv(g->fd, &ch, 1, 0) != 1) {
		detach(g);
		return;
	}
	if (ch == 0x03)
		g->stop_req = true;
}

struct gdbstub *gdbstub_new(struct machine *m, unsigned port, char *err, size_t errlen)
{
	struct gdbstub *g = calloc(1, sizeof(*g));
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t salen = sizeof(sa);
	int one = 1;

	if (!g) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	g->m = m;
	g->fd = -1;
	g->lfd = -1;
	g->ccpu = -1;
	g->resume_cpu = -1;
	if (port > 65535) {
		snprintf(err, errlen, "--gdb: port %u out of range", port);
		goto fail;
	}
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);	/* loopback only */
	g->lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (g->lfd < 0 || setsockopt(g->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(g->lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(g->lfd, 1) ||
	    getsockname(g->lfd, (struct sockaddr *)&sa, &salen)) {
		snprintf(err, errlen, "--gdb: cannot listen on 127.0.0.1:%u: %s", port,
			 strerror(errno));
		goto fail;
	}
	fprintf(stderr, "gdb: waiting for a connection on 127.0.0.1:%u\n", ntohs(sa.sin_port));
	do
		g->fd = accept(g->lfd, NULL, NULL);
	while (g->fd < 0 && errno == EINTR);
	if (g->fd < 0) {
		snprintf(err, errlen, "--gdb: accept: %s", strerror(errno));
		goto fail;
	}
	setsockopt(g->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (machine_add_hook(m, poll_interrupt, g)) {
		snprintf(err, errlen, "--gdb: no free machine hook");
		goto fail;
	}
	g->attached = true;
	g->stop_req = true;
	g->first = true;
	return g;
fail:
	gdbstub_free(g);
	return NULL;
}

void gdbstub_free(struct gdbstub *g)
{
	if (!g)
		return;
	/* the machine stopped under a debugger that still waits for a stop:
	 * tell it the process exited (bounded wait for the ack) */
	if (g->attached && g->fd >= 0) {
		struct timeval tv = { .tv_sec = 5 };
		char w[8];

		setsockopt(g->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		snprintf(w, sizeof(w), "W%02x", g->m->exit_status & 0xff);
		put_packet(g, w);
	}
	if (g->fd >= 0)
		close(g->fd);
	if (g->lfd >= 0)
		close(g->lfd);
	free(g);
}
