/* rss.c: runs a command and prints its peak resident set size in KiB on stderr */
#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: rss OUTFILE COMMAND [ARGS...]\n");
		return 255;
	}
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
	{
		FILE *f = fopen(argv[1], "w");

		if (f) {
			fprintf(f, "%ld\n", ru.ru_maxrss);
			fclose(f);
		}
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}
