10.3.3.0/24 dev veth0-host proto kernel scope link src 10.3.3.1 
10.4.4.0/24  encap mpls  100 ttl 10 via 192.168.30.102 dev eth1 
192.168.30.0/24 dev eth1 proto kernel scope link src 192.168.30.101 
192.168.40.0/24 dev eth2 proto kernel scope link src 192.168.40.101 
