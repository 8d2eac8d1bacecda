/* rss.c: runs a command; writes its peak RSS (KiB), wall time and page faults */
/*
 * usage: rss OUTFILE COMMAND [ARGS...]
 * OUTFILE gets one line "KIB SECONDS MINFLT": the child's peak RSS, the
 * time from just before its fork to its end (ns clock), so that a step's
 * time leaves out whatever started rss itself (e.g. ip netns exec), and
 * its minor page faults with those of the children it waited for (a
 * shell loop's processes).  Exit: the
 * command's exit code (128 when it was killed, 255 when rss failed).
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: rss OUTFILE COMMAND [ARGS...]\n");
		return 255;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		return 255;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("rss: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return 255;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	f = fopen(argv[1], "w");
	if (f) {
		fprintf(f, "%ld %.6f %ld\n", ru.ru_maxrss, (double)(t1.tv_sec -
			t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
			ru.ru_minflt);
		fclose(f);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}
