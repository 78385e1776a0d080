// Command tlogcheck verifies Mamori's checkpoints and proofs with Go's
// golang.org/x/mod/sumdb/note and sumdb/tlog, an implementation Mamori did not write.
//
//	tlogcheck genkey <name>        prints a signer key and its verifier key, one a line
//	tlogcheck verify < input.json  checks the checkpoints and proofs in input.json
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type inclusion struct {
	TreeSize  int64    `json:"treeSize"`
	LeafIndex int64    `json:"leafIndex"`
	LeafData  string   `json:"leafData"`
	Hashes    []string `json:"hashes"`
}

type consistency struct {
	FromSize int64    `json:"fromSize"`
	TreeSize int64    `json:"treeSize"`
	Hashes   []string `json:"hashes"`
}

type input struct {
	VerifierKey string        `json:"verifierKey"`
	Checkpoints []string      `json:"checkpoints"`
	Inclusion   []inclusion   `json:"inclusion"`
	Consistency []consistency `json:"consistency"`
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func hashes(list []string) []tlog.Hash {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(b) != tlog.HashSize {
			fail("bad hash %q", s)
		}
		copy(out[i][:], b)
	}
	return out
}

// open checks a checkpoint's signature and returns its size and root.
func open(verifiers note.Verifiers, text string) (int64, tlog.Hash) {
	n, err := note.Open([]byte(text), verifiers)
	if err != nil {
		fail("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint has %d lines", len(lines))
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("checkpoint size: %v", err)
	}
	return size, hashes([]string{lines[2]})[0]
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "genkey" {
		skey, vkey, err := note.GenerateKey(nil, os.Args[2])
		if err != nil {
			fail("GenerateKey: %v", err)
		}
		fmt.Println(skey)
		fmt.Println(vkey)
		return
	}
	if len(os.Args) != 2 || os.Args[1] != "verify" {
		fail("usage: tlogcheck genkey <name> | tlogcheck verify < input.json")
	}
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fail("input: %v", err)
	}
	verifier, err := note.NewVerifier(in.VerifierKey)
	if err != nil {
		fail("NewVerifier: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	roots := map[int64]tlog.Hash{}
	for _, c := range in.Checkpoints {
		size, root := open(verifiers, c)
		roots[size] = root
	}
	for _, p := range in.Inclusion {
		root, ok := roots[p.TreeSize]
		if !ok {
			fail("no checkpoint of size %d", p.TreeSize)
		}
		leaf, err := base64.StdEncoding.DecodeString(p.LeafData)
		if err != nil {
			fail("leafData: %v", err)
		}
		if err := tlog.CheckRecord(hashes(p.Hashes), p.TreeSize, root, p.LeafIndex, tlog.RecordHash(leaf)); err != nil {
			fail("CheckRecord %d in %d: %v", p.LeafIndex, p.TreeSize, err)
		}
	}
	for _, p := range in.Consistency {
		from, ok1 := roots[p.FromSize]
		to, ok2 := roots[p.TreeSize]
		if !ok1 || !ok2 {
			fail("no checkpoints of sizes %d and %d", p.FromSize, p.TreeSize)
		}
		if err := tlog.CheckTree(hashes(p.Hashes), p.TreeSize, to, p.FromSize, from); err != nil {
			fail("CheckTree %d to %d: %v", p.FromSize, p.TreeSize, err)
		}
	}
	fmt.Printf("ok: %d checkpoints, %d inclusion proofs, %d consistency proofs\n", len(in.Checkpoints), len(in.Inclusion), len(in.Consistency))
}
