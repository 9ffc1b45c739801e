/*
 * One NFS operation through userspace libnfs, for the real-daemon tests (this kernel has no
 * NFS client, and libnfs-utils has no mkdir, chmod or stat tool). The URL names the server and
 * export and carries libnfs's own options: ?version=3|4&uid=N&gid=N.
 *
 *   nfs-op URL PATH mkdir OCTAL | chmod OCTAL | write TEXT | stat
 *
 * stat prints "mode=0755 uid=0 gid=0 size=0"; a failure prints libnfs's error and exits 1.
 * Built by test/real-daemons/harness/nfs-client.ts with gcc against libnfs-dev.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nfsc/libnfs.h>

static int fail(struct nfs_context *nfs, const char *what) {
	fprintf(stderr, "%s: %s\n", what, nfs_get_error(nfs));
	return 1;
}

static int run(struct nfs_context *nfs, const char *path, const char *op, const char *arg) {
	if (strcmp(op, "mkdir") == 0 && arg)
		return nfs_mkdir2(nfs, path, (int)strtol(arg, NULL, 8)) ? fail(nfs, "mkdir") : 0;
	if (strcmp(op, "chmod") == 0 && arg)
		return nfs_chmod(nfs, path, (int)strtol(arg, NULL, 8)) ? fail(nfs, "chmod") : 0;
	if (strcmp(op, "write") == 0 && arg) {
		struct nfsfh *fh;
		if (nfs_open2(nfs, path, O_WRONLY | O_CREAT | O_TRUNC, 0644, &fh)) return fail(nfs, "open");
		int written = nfs_write(nfs, fh, strlen(arg), arg);
		int closed = nfs_close(nfs, fh);
		if (written < 0 || (size_t)written != strlen(arg)) return fail(nfs, "write");
		return closed ? fail(nfs, "close") : 0;
	}
	if (strcmp(op, "stat") == 0) {
		struct nfs_stat_64 st;
		if (nfs_stat64(nfs, path, &st)) return fail(nfs, "stat");
		printf("mode=%04llo uid=%llu gid=%llu size=%llu\n", (unsigned long long)(st.nfs_mode & 07777),
		       (unsigned long long)st.nfs_uid, (unsigned long long)st.nfs_gid, (unsigned long long)st.nfs_size);
		return 0;
	}
	fprintf(stderr, "unknown operation: %s\n", op);
	return 2;
}

int main(int argc, char **argv) {
	if (argc < 4) {
		fprintf(stderr, "usage: nfs-op URL PATH mkdir OCTAL | chmod OCTAL | write TEXT | stat\n");
		return 2;
	}
	struct nfs_context *nfs = nfs_init_context();
	if (!nfs) return 1;
	struct nfs_url *url = nfs_parse_url_dir(nfs, argv[1]);
	if (!url) return fail(nfs, "url");
	int status = nfs_mount(nfs, url->server, url->path) ? fail(nfs, "mount") : run(nfs, argv[2], argv[3], argc > 4 ? argv[4] : NULL);
	nfs_destroy_url(url);
	nfs_destroy_context(nfs);
	return status;
}
