-- wrk script for the crawl benchmark's site: requests every page in turn, as a crawl does,
-- instead of one URL over and over. The page count comes from the PAGES environment variable.
local pages = tonumber(os.getenv("PAGES") or "2000")
local counter = 0

request = function()
	local path = string.format("/p/%04d.html", counter % pages)
	counter = counter + 1
	return wrk.format("GET", path)
end
