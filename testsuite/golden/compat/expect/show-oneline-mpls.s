100 as to 110/120 via inet 192.168.40.102 dev eth2 
211 via inet6 2001:db8:40::102 dev eth2 
