wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"customer":"Acme","items":[{"price":80},{"price":40}]}'
