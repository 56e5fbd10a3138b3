# SPDX-License-Identifier: GPL-2.0
# Functions behind scripts/series.sh and scripts/kernel.sh: reading the
# series, building the quilt tree, the git export and the four checkers.
# Sourced after lib.sh.

SERIES=${SERIES:-$PVIA64_TOP/series}
PATCHES=${PATCHES:-$PVIA64_TOP/patches}
OVERLAY=${OVERLAY:-$PVIA64_TOP/guest-overlay}
OVERLAY_MAP=${OVERLAY_MAP:-$PVIA64_TOP/overlay.map}
PRISTINE=$(readlink -m "${PRISTINE:-$KERNEL_DIR/pristine}")
XWORK=${XWORK:-$KERNEL_DIR}
CHECKPATCH_ALLOW=${CHECKPATCH_ALLOW:-$PVIA64_TOP/checkpatch.allow}
COVER_LETTER=${COVER_LETTER:-$PVIA64_TOP/cover-letter.txt}
EXPORT_GIT=$XWORK/git
MAILDIR=$XWORK/mail
GIT_DATE='2026-01-01T00:00:00+0000'

# Patch names in series order (comments, blank lines and options dropped).
series_list() {
	[ -f "$SERIES" ] || return 0
	sed -e 's/#.*//' -e 's/[[:space:]].*//' "$SERIES" | grep -v '^$' || true
}

overlay_files() {
	[ -d "$OVERLAY" ] || return 0
	(cd "$OVERLAY" && find . -type f ! -name '.*' | sed 's|^\./||' | sort)
}

# Overlay files introduced by patch $1 (from overlay.map).
overlay_of_patch() {
	[ -f "$OVERLAY_MAP" ] || return 0
	awk -v p="$1" '!/^#/ && NF >= 2 && $2 == p { print $1 }' "$OVERLAY_MAP"
}

# Give every file a patch touches its own inode before the patch is applied,
# so that nothing can write through a hard link into the pristine tree.
break_links() { # dir patch
	local f
	sed -n 's|^+++ b/\([^	]*\).*|\1|p; s|^--- a/\([^	]*\).*|\1|p' "$2" | sort -u |
	while read -r f; do
		[ -f "$1/$f" ] || continue
		cp -p "$1/$f" "$1/$f.pvia64-tmp" && mv -f "$1/$f.pvia64-tmp" "$1/$f"
	done
}

# Fresh hard-linked copy of pristine with the overlay and the series applied.
# Patch files are replaced by rename, so pristine inodes are never written.
# Prints "<patch>: <reason>" and returns 1 at the first patch that fails.
make_staging() { # dir
	local dir=$1 f p out
	rm -rf "$dir"
	cp -al "$PRISTINE" "$dir"
	rm -f "$dir/.stamp"
	while read -r f; do
		[ -n "$f" ] || continue
		if [ -e "$dir/$f" ]; then
			echo "guest-overlay/$f: already exists in the pristine tree (change it with a patch)"
			return 1
		fi
		mkdir -p "$(dirname "$dir/$f")"
		cp "$OVERLAY/$f" "$dir/$f"
	done < <(overlay_files)
	for p in $(series_list); do
		break_links "$dir" "$PATCHES/$p"
		out=$(cd "$dir" && QUILT_PATCHES=$PATCHES QUILT_SERIES=$SERIES \
			quilt push --fuzz=0 2>&1) || {
			echo "$p: does not apply:"; printf '%s\n' "$out" | tail -8 | sed 's/^/    /'
			return 1
		}
		if grep -qE '(offset|fuzz) [0-9]+ line' <<< "$out"; then
			echo "$p: applies only with offset/fuzz (refresh it):"
			printf '%s\n' "$out" | grep -E 'offset|fuzz' | sed 's/^/    /'
			return 1
		fi
	done
	rm -rf "$dir/.pc"
}

# --- series-apply ------------------------------------------------------------

# The suites work on the pristine tree: unpack it first on a new machine.
need_pristine() {
	[ -f "$PRISTINE/.stamp" ] || bash "$PVIA64_TOP/scripts/kernel.sh" pristine >&2 ||
		die "cannot unpack linux-source-6.1"
}

suite_apply() {
	local pass=0 fail=0 p f n msg dir=$XWORK/staging-check
	local -A mapped=()
	need_pristine
	# Every overlay file is introduced by exactly one patch of the series.
	while read -r f; do
		[ -n "$f" ] || continue
		n=$( [ -f "$OVERLAY_MAP" ] && awk -v f="$f" '!/^#/ && $1 == f' "$OVERLAY_MAP" | wc -l || echo 0)
		p=$( [ -f "$OVERLAY_MAP" ] && awk -v f="$f" '!/^#/ && $1 == f { print $2; exit }' "$OVERLAY_MAP")
		if [ "$n" -ne 1 ]; then
			echo "FAIL overlay-map: guest-overlay/$f is listed $n times in overlay.map (want 1)"; fail=$((fail + 1))
		elif ! grep -qxF "$p" <<< "$(series_list)"; then
			echo "FAIL overlay-map: guest-overlay/$f maps to $p, which is not in series"; fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
		mapped[$f]=1
	done < <(overlay_files)
	if [ -f "$OVERLAY_MAP" ]; then
		while read -r f p; do
			case "$f" in ''|'#'*) continue ;; esac
			[ -n "${mapped[$f]:-}" ] && continue
			echo "FAIL overlay-map: overlay.map lists $f, not in guest-overlay/"; fail=$((fail + 1))
		done < "$OVERLAY_MAP"
	fi
	# Git-style headers on every patch.
	for p in $(series_list); do
		f=$PATCHES/$p
		msg=
		[ -f "$f" ] || msg="missing file"
		[ -n "$msg" ] || grep -qm1 '^From: .*<.*@.*>' "$f" || msg="no 'From: Name <email>' header"
		[ -n "$msg" ] || grep -qm1 '^Subject: \[PATCH' "$f" || msg="no 'Subject: [PATCH...]' header"
		[ -n "$msg" ] || grep -qm1 '^Signed-off-by: .*<.*@.*>' "$f" || msg="no Signed-off-by"
		[ -n "$msg" ] || grep -qx -- '---' "$f" || msg="no '---' separator before the diff"
		if [ -n "$msg" ]; then
			echo "FAIL headers: $p: $msg"; fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
	# The whole series applies with no fuzz and no offsets.
	if msg=$(make_staging "$dir"); then
		pass=$((pass + 1))
	else
		printf 'FAIL apply: %s\n' "$msg"; fail=$((fail + 1))
	fi
	rm -rf "$dir"
	apply_selftest && pass=$((pass + 1)) || fail=$((fail + 1))
	summary series-apply $pass $fail 0
	[ $fail -eq 0 ]
}

# --- export ------------------------------------------------------------------

xgit() { git -C "$EXPORT_GIT" -c user.name=pvia64 -c user.email=pvia64@example.org "$@"; }

# The pristine tree as a git repository (tag `pristine`), made once.
ensure_export_base() {
	local ver
	need_pristine
	ver=$(cat "$PRISTINE/.stamp" 2>/dev/null || echo unknown)
	if [ -f "$EXPORT_GIT/.pvia64-base" ] && [ "$(cat "$EXPORT_GIT/.pvia64-base")" = "$ver" ]; then
		return 0
	fi
	log "creating the pristine git tree for export (once)"
	rm -rf "$EXPORT_GIT"
	mkdir -p "$EXPORT_GIT"
	cp -a "$PRISTINE/." "$EXPORT_GIT/"
	rm -f "$EXPORT_GIT/.stamp"
	git -C "$EXPORT_GIT" init -q -b pristine-branch
	git -C "$EXPORT_GIT" config gc.auto 0
	xgit add -A -f .
	GIT_AUTHOR_DATE=$GIT_DATE GIT_COMMITTER_DATE=$GIT_DATE \
		xgit commit -q -m "Linux 6.1 from Debian linux-source-6.1 $ver"
	xgit tag -f pristine >/dev/null
	echo "$ver" > "$EXPORT_GIT/.pvia64-base"
	echo "/.pvia64-base" >> "$EXPORT_GIT/.git/info/exclude"
}

# Split a patch file into author, subject and message.
patch_header() { # file field
	case "$2" in
	author) sed -n 's/^From: //p;/^---$/q' "$1" | head -1 ;;
	subject) sed -n 's/^Subject: *\(\[[^]]*\] *\)\{0,1\}//p;/^---$/q' "$1" | head -1 ;;
	body) awk 'hdr == 0 && /^$/ { hdr = 1; next }
		   hdr == 1 && /^---$/ { exit }
		   hdr == 1 { print }' "$1" ;;
	esac
}

# Build branch `series` = pristine + one commit per patch (with its overlay
# files).  Returns 1 naming the first patch that fails.
build_export_history() {
	local p f author subject
	ensure_export_base
	xgit checkout -q -f -B series pristine
	xgit clean -q -f -d -x
	for p in $(series_list); do
		xgit apply --index "$PATCHES/$p" 2>&1 | sed "s|^|$p: |" >&2
		[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "$p: git apply failed"; return 1; }
		while read -r f; do
			[ -n "$f" ] || continue
			mkdir -p "$(dirname "$EXPORT_GIT/$f")"
			cp "$OVERLAY/$f" "$EXPORT_GIT/$f"
			xgit add -f "$f"
		done < <(overlay_of_patch "$p")
		author=$(patch_header "$PATCHES/$p" author)
		subject=$(patch_header "$PATCHES/$p" subject)
		{ echo "$subject"; echo; patch_header "$PATCHES/$p" body; } |
			GIT_AUTHOR_DATE=$GIT_DATE GIT_COMMITTER_DATE=$GIT_DATE \
			xgit commit -q --allow-empty --author="$author" -F - ||
			{ echo "$p: commit failed"; return 1; }
	done
}

write_mails() {
	local out=$MAILDIR subj blurb
	rm -rf "$out"
	xgit format-patch -q --cover-letter -n --no-signature --zero-commit \
		-o "$out" pristine..series
	if [ -f "$COVER_LETTER" ]; then
		subj=$(head -1 "$COVER_LETTER")
		blurb=$(tail -n +3 "$COVER_LETTER")
		SUBJ=$subj BLURB=$blurb perl -0pi -e \
			's/\*\*\* SUBJECT HERE \*\*\*/$ENV{SUBJ}/; s/\*\*\* BLURB HERE \*\*\*/$ENV{BLURB}/' \
			"$out"/0000-cover-letter.patch
	fi
}

# Does a quilt staging tree have exactly the contents of a commit?  Files
# the overlay and the patches did not touch are still hard links to the
# pristine tree (link count > 1), so only the rest needs comparing.
staging_matches() { # stage commit
	local stage=$1 c=$2 f bad=0
	{
		(cd "$stage" && find . -type f -links 1 | sed 's|^\./||')
		xgit diff --name-only --no-renames pristine "$c"
	} | sort -u | while read -r f; do
		if ! xgit cat-file -e "$c:$f" 2>/dev/null; then
			[ -e "$stage/$f" ] && { echo "    $f: only in the quilt tree"; exit 1; }
		elif [ ! -f "$stage/$f" ]; then
			echo "    $f: only in git"; exit 1
		elif ! xgit cat-file blob "$c:$f" | cmp -s - "$stage/$f"; then
			echo "    $f: contents differ"; exit 1
		fi
	done || bad=1
	return $bad
}

suite_export() { # [outdir]
	local pass=0 fail=0 msg n out= out2=
	local stage=$XWORK/staging-export
	if msg=$(build_export_history 2>&1); then
		pass=$((pass + 1))
	else
		printf 'FAIL export-history: %s\n' "$msg"; fail=$((fail + 1))
		summary series-export $pass $fail 0; return 1
	fi
	n=$(xgit rev-list --count pristine..series)
	if [ "$n" -eq "$(series_list | wc -l)" ]; then pass=$((pass + 1)); else
		echo "FAIL export-count: $n commits for $(series_list | wc -l) patches"; fail=$((fail + 1)); fi
	write_mails
	if grep -L '^Signed-off-by: ' "$MAILDIR"/0*.patch | grep -v 0000-cover | grep -q .; then
		echo "FAIL mails: without Signed-off-by: $(grep -L '^Signed-off-by: ' "$MAILDIR"/0*.patch | grep -v 0000-cover | xargs -n1 basename)"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
	# git am of the mails onto pristine must give exactly the quilt tree.
	xgit checkout -q -f -B am-check pristine
	xgit clean -q -f -d -x
	local -a mails=()
	for msg in "$MAILDIR"/0*.patch; do
		case "$msg" in */0000-cover-letter.patch) ;; *) mails+=("$msg") ;; esac
	done
	if [ ${#mails[@]} -eq 0 ] || xgit am -q --whitespace=nowarn "${mails[@]}" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL git-am: the exported mails do not apply: $(xgit am --show-current-patch=diff 2>/dev/null | head -3)"
		xgit am --abort >/dev/null 2>&1 || true
		fail=$((fail + 1))
	fi
	if msg=$(make_staging "$stage"); then
		if out=$(staging_matches "$stage" am-check) && out2=$(staging_matches "$stage" series); then
			pass=$((pass + 1))
		else
			echo "FAIL reproduce: the git-am/export trees differ from the quilt tree:"
			printf '%s\n' "$out" "${out2:-}" | grep -v '^$' | head -10
			fail=$((fail + 1))
		fi
	else
		printf 'FAIL reproduce: quilt tree: %s\n' "$msg"; fail=$((fail + 1))
	fi
	rm -rf "$stage"
	xgit checkout -q -f series
	if [ -n "${1:-}" ]; then
		rm -rf "$1"; mkdir -p "$1"; cp "$MAILDIR"/*.patch "$1"/
		log "series mails written to $1"
	fi
	summary series-export $pass $fail 0
	[ $fail -eq 0 ]
}

# --- checkpatch ----------------------------------------------------------------

# Run checkpatch --strict on one mail; print unallowed findings; return 1 if any.
checkpatch_one() { # mail patch-name
	local mail=$1 name=$2 out bad=0 line type
	out=$(cd "$EXPORT_GIT" && perl scripts/checkpatch.pl --strict --show-types \
		--no-summary "$mail" 2>&1) || true
	while IFS= read -r line; do
		type=$(printf '%s\n' "$line" | sed -nE 's/^(ERROR|WARNING|CHECK):([A-Z0-9_]+):.*/\2/p')
		[ -n "$type" ] || continue
		if checkpatch_allowed "$name" "$type"; then
			continue
		fi
		echo "    $line"
		bad=1
	done <<< "$out"
	[ $bad -eq 0 ] || printf '%s\n' "$out" | grep -E '^#[0-9]+: FILE:' | head -5 | sed 's/^/    /'
	return $bad
}

# checkpatch.allow: "<patch-name|*> <TYPE> <justification...>".
checkpatch_allowed() { # patch type
	[ -f "$CHECKPATCH_ALLOW" ] || return 1
	awk -v p="$1" -v t="$2" '!/^#/ && NF >= 3 && ($1 == p || $1 == "*") && $2 == t { found = 1 }
		END { exit !found }' "$CHECKPATCH_ALLOW"
}

suite_checkpatch() {
	local pass=0 fail=0 i=0 p mail out
	local -a names
	mapfile -t names < <(series_list)
	[ -d "$MAILDIR" ] || die "checkpatch: run 'series.sh export' first"
	# Allow-list entries must carry a justification.
	if [ -f "$CHECKPATCH_ALLOW" ] && awk '!/^#/ && NF > 0 && NF < 3' "$CHECKPATCH_ALLOW" | grep -q .; then
		echo "FAIL checkpatch.allow: entries without a justification:"
		awk '!/^#/ && NF > 0 && NF < 3' "$CHECKPATCH_ALLOW" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	for mail in "$MAILDIR"/0*.patch; do
		case "$mail" in */0000-cover-letter.patch) continue ;; esac
		p=${names[$i]:-$(basename "$mail")}
		i=$((i + 1))
		if out=$(checkpatch_one "$mail" "$p"); then
			pass=$((pass + 1))
		else
			echo "FAIL checkpatch: $p:"; printf '%s\n' "$out"; fail=$((fail + 1))
		fi
	done
	checkpatch_selftest && pass=$((pass + 1)) || fail=$((fail + 1))
	summary checkpatch $pass $fail 0
	[ $fail -eq 0 ]
}

# The checker must reject a mail with a style error and name it.
checkpatch_selftest() {
	local t=$XWORK/selftest-checkpatch.patch out
	cat > "$t" <<'MAIL'
From: Self Test <selftest@example.org>
Subject: [PATCH] ia64: checker self-test with a style error

This patch must be rejected by the checkpatch suite.

Signed-off-by: Self Test <selftest@example.org>
---
 arch/ia64/kernel/time.c | 1 +
 1 file changed, 1 insertion(+)

diff --git a/arch/ia64/kernel/time.c b/arch/ia64/kernel/time.c
--- a/arch/ia64/kernel/time.c
+++ b/arch/ia64/kernel/time.c
@@ -10,1 +10,2 @@
 #include <linux/cpu.h>
+int  selftest_var ;   
MAIL
	if out=$(checkpatch_one "$t" selftest-bad.patch); then
		echo "FAIL checkpatch-selftest: a patch with style errors was accepted"
		rm -f "$t"; return 1
	fi
	rm -f "$t"
}

# --- bisect ----------------------------------------------------------------------

# Sources a commit touches (C and assembly; not tools or docs).
commit_sources() { # commit
	xgit diff-tree --no-commit-id --name-only --diff-filter=AM -r "$1" |
		grep -E '\.(c|S)$' | grep -vE '^(Documentation|tools|scripts|usr)/' || true
}

# Configure and build one commit of the export repo into $XWORK/build-bisect:
# arch/ia64/ and the directory of every other touched source, as Kbuild
# would in a full build with this configuration.  Every touched source that
# the configuration builds must have been rebuilt; the others are reported
# as not enabled (SKIP lines).
commit_builds() { # commit
	local c=$1 obj=$XWORK/build-bisect log d f o stamp=$XWORK/bisect.stamp
	local -a dirs srcs
	log=$XWORK/bisect-$(xgit rev-parse --short "$c").log
	xgit checkout -q -f "$c" || return 1
	bash "$PVIA64_TOP/scripts/kernel.sh" config "$EXPORT_GIT" "$obj" lenient >"$log" 2>&1 || {
		tail -20 "$log"; return 1; }
	mapfile -t srcs < <(commit_sources "$c")
	mapfile -t dirs < <( { echo arch/ia64/; for f in "${srcs[@]}"; do
		case "$f" in arch/ia64/*) ;; *) echo "$(dirname "$f")/" ;; esac; done; } | sort -u)
	touch "$stamp"
	for d in "${dirs[@]}"; do
		kmake "$EXPORT_GIT" "$obj" "$d" >>"$log" 2>&1 || {
			echo "    make $d failed (log: $log):"
			grep -E 'error|Error' "$log" | head -15 | sed 's/^/    /'; return 1; }
	done
	for f in "${srcs[@]}"; do
		o=$obj/${f%.*}.o
		case "$f" in *.lds.S) o=$obj/${f%.S} ;; esac
		[ "$o" -nt "$stamp" ] || echo "SKIP $f: not built in this configuration"
	done
}

suite_bisect() {
	local pass=0 fail=0 c subj out i=0
	local -a names
	toolchain_env
	mapfile -t names < <(series_list)
	xgit rev-parse -q --verify series >/dev/null || die "bisect: run 'series.sh export' first"
	for c in $(xgit rev-list --reverse pristine..series); do
		subj="${names[$i]:-$(xgit log -1 --format=%s "$c")}"
		i=$((i + 1))
		if out=$(commit_builds "$c"); then
			pass=$((pass + 1))
			printf '%s\n' "$out" | grep '^SKIP' | sed "s|^SKIP |SKIP $subj: |" || true
		else
			echo "FAIL bisect: $subj does not build on its own:"; printf '%s\n' "$out"
			fail=$((fail + 1))
		fi
	done
	bisect_selftest && pass=$((pass + 1)) || fail=$((fail + 1))
	xgit checkout -q -f series
	summary bisect $pass $fail 0
	[ $fail -eq 0 ]
}

# A commit with a compile error on top of the series must be caught.
selftest_commit() { # file text message
	xgit checkout -q -f -B selftest series
	printf '%s\n' "$2" >> "$EXPORT_GIT/$1"
	GIT_AUTHOR_DATE=$GIT_DATE GIT_COMMITTER_DATE=$GIT_DATE xgit commit -q -a -m "$3"
}

bisect_selftest() {
	local out ok=0
	toolchain_env
	selftest_commit arch/ia64/kernel/time.c 'this is not C;' 'selftest: non-building patch'
	if out=$(commit_builds selftest); then
		echo "FAIL bisect-selftest: a non-building commit was accepted"; ok=1
	fi
	xgit checkout -q -f series
	xgit branch -q -D selftest
	return $ok
}

# --- sparse ----------------------------------------------------------------------

# Sources to check: touched C files, plus the built arch/ia64 C files when a
# header changed (headers are only checked through their users).
sparse_files() { # obj-dir
	local f hdr=0
	while read -r f; do
		case "$f" in
		Documentation/*|tools/*|scripts/*) ;;
		*.c) echo "$f" ;;
		*.h) hdr=1 ;;
		esac
	done < <(xgit diff --name-only --diff-filter=AM pristine series)
	if [ $hdr -eq 1 ]; then
		(cd "$1" && find arch/ia64/kernel arch/ia64/mm -name '*.o' ! -name 'built-in.o' 2>/dev/null) |
		while read -r f; do
			[ -f "$EXPORT_GIT/${f%.o}.c" ] && echo "${f%.o}.c"
		done
	fi
}

# sparse (C=2) + compiler warnings of one file, without line numbers
# (Kbuild's own "<stdin>" checks during prepare are not the file's).
sparse_run() { # src obj file
	{ kmake "$1" "$2" C=2 "${3%.c}.o" 2>&1 || true; } |
		{ grep -E '^[^ :<]+:[0-9]+:([0-9]+:)? (warning|error):' || true; } |
		sed -E 's/^([^ :]+):[0-9]+:([0-9]+:)? /\1: /' | sort
}

suite_sparse() {
	local pass=0 fail=0 f key base=$XWORK/sparse-base obj=$XWORK/build-bisect
	local bobj=$XWORK/build-sparse-base new old added pats
	local -a files
	toolchain_env
	xgit rev-parse -q --verify series >/dev/null || die "sparse: run 'series.sh export' first"
	xgit checkout -q -f series
	bash "$PVIA64_TOP/scripts/kernel.sh" config "$EXPORT_GIT" "$obj" lenient >/dev/null 2>&1 ||
		die "sparse: config failed"
	for f in arch/ia64/ $(sparse_files "$obj" | grep -v '^arch/ia64/' | xargs -r -n1 dirname | sort -u | sed 's|$|/|'); do
		kmake "$EXPORT_GIT" "$obj" "$f" >/dev/null 2>&1 || true
	done
	local skip=0 cfg=()
	for f in $(sparse_files "$obj" | sort -u); do
		if [ -f "$obj/${f%.c}.o" ]; then
			cfg+=("$f")
		else
			echo "SKIP sparse: $f: not built in this configuration"; skip=$((skip + 1))
		fi
	done
	files=("${cfg[@]}")
	# Baseline of the pristine tree, cached per file.
	key=$(cat "$PRISTINE/.stamp")-$(cat "$PVIA64_TOP/Kconfig.fragment" "$PVIA64_TOP/tests/kernel-test.config" 2>/dev/null | md5sum | cut -c1-8)
	[ "$(cat "$base/.key" 2>/dev/null)" = "$key" ] || { rm -rf "$base"; mkdir -p "$base"; echo "$key" > "$base/.key"; }
	local need=()
	for f in "${files[@]}"; do
		[ -f "$base/${f//\//_}" ] || need+=("$f")
	done
	if [ ${#need[@]} -gt 0 ]; then
		xgit checkout -q -f pristine
		bash "$PVIA64_TOP/scripts/kernel.sh" config "$EXPORT_GIT" "$bobj" lenient >/dev/null 2>&1 ||
			die "sparse: baseline config failed"
		for f in "${need[@]}"; do
			if [ -f "$EXPORT_GIT/$f" ]; then
				sparse_run "$EXPORT_GIT" "$bobj" "$f" > "$base/${f//\//_}"
			else
				: > "$base/${f//\//_}"	# a new file has no baseline
			fi
		done
		xgit checkout -q -f series
	fi
	for f in "${files[@]}"; do
		new=$(sparse_run "$EXPORT_GIT" "$obj" "$f")
		old=$(cat "$base/${f//\//_}")
		added=$(comm -23 <(printf '%s\n' "$new" | grep -v '^$' | uniq -c | awk '{$1=$1};1' | sort) \
				<(printf '%s\n' "$old" | grep -v '^$' | uniq -c | awk '{$1=$1};1' | sort))
		if [ -n "$added" ]; then
			pats=$(xgit log --format='%s' pristine..series -- "$f" | paste -sd';' -)
			echo "FAIL sparse: $f (changed by: ${pats:-header users}): new warnings:"
			printf '%s\n' "$added" | sed 's/^/    /'
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
	sparse_selftest && pass=$((pass + 1)) || fail=$((fail + 1))
	xgit checkout -q -f series
	summary sparse $pass $fail $skip
	[ $fail -eq 0 ]
}

# A patch adding a sparse warning (__user pointer dereference) must be caught.
sparse_selftest() {
	local f=arch/ia64/kernel/time.c new old ok=0 obj=$XWORK/build-bisect
	old=$(sparse_run "$EXPORT_GIT" "$obj" "$f")
	selftest_commit "$f" 'int pvia64_selftest(int __user *p); int pvia64_selftest(int __user *p) { return *p; }' \
		'selftest: new sparse warning'
	new=$(sparse_run "$EXPORT_GIT" "$obj" "$f")
	if [ "$new" = "$old" ] || ! grep -q 'noderef\|address space' <<< "$new"; then
		echo "FAIL sparse-selftest: a dereference of a __user pointer was not reported"
		ok=1
	fi
	xgit checkout -q -f series
	xgit branch -q -D selftest
	return $ok
}

# --- series-apply self-test ---------------------------------------------------

# On a miniature tree: a patch that needs an offset, one that needs fuzz and
# one that does not apply must each be rejected with the patch named.
apply_selftest() {
	local t=$XWORK/selftest-apply i ok=0 name out
	rm -rf "$t"; mkdir -p "$t/pristine" "$t/patches" "$t/overlay"
	for i in $(seq 1 40); do echo "line $i"; done > "$t/pristine/file.txt"
	mk_patch() { # name old-ctx-start extra-header-lines
		{
			echo "From: Self Test <selftest@example.org>"
			echo "Subject: [PATCH] selftest"
			echo; echo "Signed-off-by: Self Test <selftest@example.org>"; echo "---"
			echo "--- a/file.txt"; echo "+++ b/file.txt"
			printf '%s\n' "$2"
		} > "$t/patches/$1"
	}
	mk_patch offset.patch "@@ -17,4 +17,5 @@
 line 20
 line 21
+inserted
 line 22
 line 23"
	mk_patch fuzz.patch "@@ -20,4 +20,5 @@
 line 20
 line 21
+inserted
 line 22
 line XX"
	mk_patch broken.patch "@@ -20,3 +20,4 @@
 nothing
 like
+inserted
 this"
	for name in offset.patch fuzz.patch broken.patch; do
		echo "$name" > "$t/series"
		if out=$(SERIES=$t/series PATCHES=$t/patches OVERLAY=$t/overlay PRISTINE=$t/pristine \
			make_staging "$t/stage"); then
			echo "FAIL apply-selftest: $name was accepted"; ok=1
		elif ! grep -q "^$name:" <<< "$out"; then
			echo "FAIL apply-selftest: the error for $name does not name it: $out"; ok=1
		fi
	done
	rm -rf "$t"
	return $ok
}
