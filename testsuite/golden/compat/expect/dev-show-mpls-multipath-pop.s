101 
	nexthop via inet 192.168.30.102 dev eth1 
	nexthop via inet 192.168.40.102 dev eth2 
