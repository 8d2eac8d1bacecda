10.3.3.0/24 dev veth0-host proto kernel scope link src 10.3.3.1 
10.4.4.0/24 via 192.168.30.102 dev eth1 realms 1/2 
10.5.5.0/24 via 192.168.30.102 dev eth1 realm 5 mtu 1400 congctl lock cubic 
10.7.7.0/24 via 192.168.30.102 dev eth1 congctl reno 
192.168.30.0/24 dev eth1 proto kernel scope link src 192.168.30.101 
192.168.40.0/24 dev eth2 proto kernel scope link src 192.168.40.101 
