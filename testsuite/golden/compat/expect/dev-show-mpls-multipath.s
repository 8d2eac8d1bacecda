100 
	nexthop as to 200 via inet 192.168.30.102 dev eth1 
	nexthop as to 300 via inet 192.168.40.102 dev eth2 
