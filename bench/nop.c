/* nop.c: does nothing; linked static, the floor of a one-process-per-route loop */
/*
 * usage: nop [ANY...]   (exit 0)
 * bench/guest.sh runs it in the same shell loop as ip and ipmpls: its time
 * a process is what fork, exec and exit cost before any loader or libc.
 */
int main(void)
{
	return 0;
}
