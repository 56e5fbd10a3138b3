/* SPDX-License-Identifier: MIT */
/* guest-rt: assert() aborts with the failed expression. */
#ifndef GUEST_RT_ASSERT_H
#define GUEST_RT_ASSERT_H
void __rt_assert_fail(const char *expr, const char *file, int line) __attribute__((noreturn));
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __rt_assert_fail(#e, __FILE__, __LINE__))
#endif
#endif
