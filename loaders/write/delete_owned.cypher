// name: delete_owned
// Every node of the labels a load owns (loaders/model/kinds.py), with its relationships.
// Researchers' own nodes (other labels) are left alone.
// params:
//   labels  list  the labels of every node kind in the table
// returns: nothing
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
DETACH DELETE n
