#!/usr/bin/env bash
# A throwaway PKI for the device transport tests, made fresh for each run (nothing secret is committed):
#   root.pem -> intermediate.pem -> leaf (DNS:localhost); chain.pem = leaf + intermediate, leaf.key
#   other-root.pem -> other leaf (DNS:localhost); other-chain.pem, other-leaf.key: a chain the device must reject
# Usage: make-pki.sh DIR
set -euo pipefail
dir=$1; mkdir -p "$dir"; cd "$dir"
days=2
ca_ext() { printf 'basicConstraints=critical,CA:true%s\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n' "$1"; }
leaf_ext() { printf 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'; }
key() { openssl genrsa -out "$1" 2048 2>/dev/null; }
self_signed() { # name cn
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days $days -sha256 -out "$1.pem" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
signed() { # name cn issuer extfile
  key "$1.key"
  openssl req -new -key "$1.key" -subj "/CN=$2" -out "$1.csr" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days $days -sha256 -extfile "$4" -out "$1.pem" 2>/dev/null
}
ca_ext ",pathlen:0" > intermediate.ext
leaf_ext > leaf.ext
self_signed root "HttpCache.Nano test root"
signed intermediate "HttpCache.Nano test intermediate" root intermediate.ext
signed leaf localhost intermediate leaf.ext
cat leaf.pem intermediate.pem > chain.pem
self_signed other-root "Another root"
signed other-leaf localhost other-root leaf.ext
cp other-leaf.pem other-chain.pem
openssl verify -CAfile root.pem -untrusted intermediate.pem leaf.pem >/dev/null
echo "pki: root -> intermediate -> localhost, and another root, in $dir"
