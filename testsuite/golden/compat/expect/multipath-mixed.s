10.6.6.0/24 
	nexthop via 192.168.30.102 realms 1/2 dev eth1 weight 5 linkdown 
	nexthop  encap mpls  100/200 via 192.168.40.102 dev eth2 weight 1 onlink 
400 proto static ttl-propogate enabled
	nexthop as to 500/600 via inet6 2001:db8:30::102 dev eth1 dead 
	nexthop via inet 192.168.40.102 dev * 
