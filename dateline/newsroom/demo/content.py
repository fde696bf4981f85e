"""Demo newsroom content: original, fictional stories written for Dateline's demo site.

Everything here is invented for the "English News" demo: the state of Vindara and its towns (Marivelam, Shantipuri,
Kallarpet, the Suvela valley, the Kodachal hills), the island republics and countries in the World section, and every
person, company, team and official quoted. Any resemblance to real people or organisations is coincidental.

This module is plain data with no Django imports, so it can be read by the demo loader, by tests and by scripts alike.

* ``SITE``: the site name, tagline and social links.
* ``SECTIONS``: the five sections in navigation order.
* ``TOPICS``: seven topics; the first topic in a story's ``topics`` list is its primary topic.
* ``AUTHORS``: the two staff writers.
* ``STORIES``: 24 stories, newest first. ``body`` is a list of ``(block_type, value)`` pairs where block_type is one of
  ``paragraph``, ``subheading``, ``quotation``, ``embed`` or ``related_link``. Text is plain, never HTML.
  ``image`` describes a picture drawn by ``dateline.newsroom.demo.images.make_demo_image``.
"""

SITE = {
    "site_name": "English News",
    "tagline": "A Dateline demo newsroom: every story, person and place here is fictional",
    "social_links": [
        ("youtube", "https://www.youtube.com/@englishnews-demo"),
        ("facebook", "https://www.facebook.com/englishnews.demo"),
        ("twitter", "https://x.com/englishnews_demo"),
        ("instagram", "https://www.instagram.com/englishnews.demo"),
    ],
}

SECTIONS = [
    {
        "slug": "world",
        "title": "World",
        "intro": (
            "Reporting from beyond our borders, from island republics facing the sea to the trade routes that carry "
            "our goods."
        ),
    },
    {
        "slug": "india",
        "title": "India",
        "intro": (
            "News from across Vindara, from the port city of Marivelam and the capital Shantipuri to the Suvela valley "
            "and the Kodachal hills."
        ),
    },
    {
        "slug": "business",
        "title": "Business",
        "intro": (
            "Companies, markets, start-ups and the working lives behind them, with a close eye on the state's economy."
        ),
    },
    {
        "slug": "sport",
        "title": "Sport",
        "intro": "Cricket, athletics and the clubs, grounds and players who make the game in Vindara what it is.",
    },
    {
        "slug": "opinion",
        "title": "Opinion",
        "intro": "Columns and arguments from our writers: signed, first-person and meant to start a conversation.",
    },
]

TOPICS = [
    {
        "slug": "climate",
        "name": "Climate & Weather",
        "description": (
            "Monsoon floods, heatwaves, cyclones and the slow rise of the sea. We follow how a changing climate "
            "reshapes homes, farms and cities, and what people are doing to adapt."
        ),
    },
    {
        "slug": "transport",
        "name": "City Transport",
        "description": (
            "Buses, metros, ferries and the daily commute. Our coverage asks who our streets and services are built "
            "for, and how long it takes to get anywhere."
        ),
    },
    {
        "slug": "elections",
        "name": "Elections & Governance",
        "description": (
            "Campaigns, polling and the work of government after the votes are counted. We report on promises and on "
            "whether they are kept."
        ),
    },
    {
        "slug": "startups",
        "name": "Start-ups & Technology",
        "description": (
            "Young companies, the money behind them and the technology people actually use. We are as interested in "
            "the cold-storage firm in a small town as in the next big app."
        ),
    },
    {
        "slug": "cricket",
        "name": "Cricket",
        "description": (
            "The Coastal Cricket League, the Vindara Women's League and the village grounds where it all begins. Match "
            "reports, profiles and the occasional argument about the rules."
        ),
    },
    {
        "slug": "public-health",
        "name": "Public Health",
        "description": (
            "Hospitals, clinics, vaccination drives and the diseases that follow floods and heat. We explain what "
            "health officials are doing and what readers can do to stay safe."
        ),
    },
    {
        "slug": "trade",
        "name": "Trade & Shipping",
        "description": (
            "Ports, freight and the sea lanes that connect our economy to the world. We track what moves through the "
            "docks and what it means for prices at home."
        ),
    },
]

AUTHORS = [
    {
        "slug": "ishita-varkey",
        "name": "Ishita Varkey",
        "role": "Foreign affairs correspondent",
        "bio": (
            "Ishita Varkey covers island states, trade and climate diplomacy for English News. She has reported from "
            "more than 20 countries around the Indian Ocean and writes an occasional column on the cities she comes "
            "home to."
        ),
        "twitter": "https://x.com/ishitavarkey_demo",
        "email": "ishita.varkey@example.com",
    },
    {
        "slug": "kabir-dhanraj",
        "name": "Kabir Dhanraj",
        "role": "Chief reporter, Vindara",
        "bio": (
            "Kabir Dhanraj reports on Vindara's politics, business and sport from Shantipuri. He has covered three "
            "state elections and more cricket finals than he can count, and still takes the bus to work."
        ),
        "twitter": "https://x.com/kabirdhanraj_demo",
        "email": "kabir.dhanraj@example.com",
    },
]

STORIES = [
    {
        "slug": "column-small-town-cricket-grounds",
        "headline": "After the final, the league should pay for the village grounds that made its stars",
        "standfirst": (
            "Every player in Sunday's final learned the game on a dusty maidan somewhere in Vindara. Too many of those "
            "grounds are quietly disappearing."
        ),
        "section": "opinion",
        "topics": ["cricket"],
        "authors": ["ishita-varkey"],
        "published": "2026-11-24T06:30:00+00:00",
        "image": {
            "caption": (
                "Open ground on the edge of a Suvela valley village, where children play cricket once the harvest is "
                "in."
            ),
            "credit": "Photo: Joel Mascarenhas/English News",
            "alt": (
                "Illustration of open farmland in rolling green stripes under a pale sun, with a few trees and a small "
                "house on the horizon"
            ),
            "palette": ("#4a6d7c", "#e8c547"),
            "motif": "fields",
        },
        "body": [
            (
                "paragraph",
                "I watched Sunday's final from the press box at the Harbour Oval, and like everyone there I was on my "
                "feet for the last ball. But what stayed with me afterwards was something Sahil Raut said while still "
                "holding the trophy: that he learned to keep wicket on a patch of ground behind a rice mill on the "
                "edge of Marivelam, where the boundary on one side was an irrigation canal.",
            ),
            (
                "paragraph",
                "Almost every player on both sides has a story like that. The Coastal Cricket League is a slick, "
                "televised, floodlit product, but its talent comes from maidans, temple grounds and school fields "
                "across Vindara, most of which have no pavilion, no roller and, increasingly, no guarantee that they "
                "will still be there next year.",
            ),
            ("subheading", "Grounds under pressure"),
            (
                "paragraph",
                "Over the past few years I have seen several of the grounds where I played as a child turned into car "
                "parks, wedding venues or housing plots. Others survive, but are locked by schools worried about "
                "liability, or rented out by the hour to whoever can pay. A child who wants to bowl in the evening "
                "after homework often has nowhere to go.",
            ),
            (
                "paragraph",
                "This is not only a cricket problem. Open ground is also where neighbourhoods hold their festivals and "
                "where rainwater soaks into the earth during the monsoon instead of flooding the streets. When a town "
                "loses its maidan, it loses far more than a pitch.",
            ),
            ("subheading", "A small share of a big pie"),
            (
                "paragraph",
                "The league now earns handsomely from broadcast rights and sponsorship. I would like it to commit a "
                "fixed share of that income, even two per cent, to a fund that helps district associations buy, "
                "protect and maintain grounds, starting with the villages and suburbs that produced its own players. A "
                "roller, a sight screen and a water tank cost very little compared with a single marquee signing.",
            ),
            (
                "paragraph",
                "The state government has its part to play too, by protecting existing playgrounds in town plans so "
                "that they cannot quietly be rezoned. The Mariners' open-top bus will roll through the old town this "
                "week, and the celebrations will be well deserved. I hope that somewhere in that crowd there is a "
                "child who still has a ground to go back to.",
            ),
            (
                "related_link",
                {
                    "slug": "mariners-win-coastal-cricket-league-final",
                    "title": "Marivelam Mariners win first Coastal Cricket League title with last-ball victory",
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "mariners-win-coastal-cricket-league-final",
        "headline": "Marivelam Mariners win first Coastal Cricket League title with last-ball victory",
        "standfirst": (
            "Sahil Raut hit a four off the final delivery as the Mariners chased 176 to beat the Shantipuri Lions by "
            "four wickets in front of a full Harbour Oval."
        ),
        "section": "sport",
        "topics": ["cricket"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-23T17:45:00+00:00",
        "image": {
            "caption": (
                "A full house at the Harbour Oval on Sunday night, as the Mariners completed their chase off the final "
                "ball."
            ),
            "credit": "Photo: Rohan Pillai/English News",
            "alt": (
                "Illustration of a floodlit cricket ground at night, with a striped green outfield, a packed stand and "
                "four tall light towers"
            ),
            "palette": ("#10243e", "#f2c14e"),
            "motif": "stadium",
        },
        "body": [
            (
                "paragraph",
                "The Marivelam Mariners won the Coastal Cricket League for the first time on Sunday, beating the "
                "Shantipuri Lions by four wickets off the last ball of the final at a packed Harbour Oval. Needing "
                "three runs from the final delivery, wicketkeeper Sahil Raut drove the Lions' fast bowler Karan "
                "Malvankar through extra cover for four, sparking a pitch invasion by his teammates.",
            ),
            (
                "paragraph",
                "The forecast thunderstorms held off, and a crowd of 28,000 filled the ground well before the start. "
                "The Lions, champions in two of the league's four seasons, made 175 for seven after choosing to bat, "
                "with their opener Vivek Tandel scoring 68 off 44 balls and adding 91 for the second wicket with the "
                "captain, Rahul Dsilva.",
            ),
            ("subheading", "A chase built on patience"),
            (
                "paragraph",
                "The Mariners lost both openers inside the powerplay and were 61 for three after nine overs. Captain "
                "Arjun Pereira, whose unbeaten 48 won the semi-final, added 73 with Dev Nadkarni to keep the chase "
                "alive, before falling for 52 with 34 still needed from 17 balls. Raut, who finished on 27 not out off "
                "14 balls, took the Mariners home with help from the tail.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "I watched this team lose two finals from the stands as a boy. Tonight I kept telling myself, "
                        "one ball at a time, and then there was only one ball left."
                    ),
                    "attribution": "Sahil Raut, wicketkeeper, Marivelam Mariners",
                },
            ),
            (
                "paragraph",
                "Malvankar, who had conceded only 19 runs in his first three overs, was given the final over with "
                "eight needed. He bowled two dot balls before Raut hit a six over midwicket, then conceded a leg-bye "
                "and a single before the decisive boundary, which he watched run away to the rope with his hands on "
                "his head.",
            ),
            ("subheading", "Celebrations across the city"),
            (
                "paragraph",
                "Thousands of fans gathered along the seafront after the match, and the city's transport corporation "
                "ran extra buses until 2am. The Mariners' owners announced a bonus of Rs 10 lakh for each member of "
                "the squad, and said the team would parade the trophy through the old town on an open-top bus on "
                "Tuesday afternoon.",
            ),
            (
                "paragraph",
                "Update: The league confirmed on Sunday night that Pereira had been named player of the tournament for "
                "his 486 runs, the most by any batter this season. The Suvela Strikers' leg-spinner Omkar Sawant "
                "finished as the leading wicket-taker with 21, and the Mariners' fielding coach was named the league's "
                "coach of the year.",
            ),
            (
                "related_link",
                {
                    "slug": "mariners-reach-final-after-rain-shortened-semi",
                    "title": "Mariners reach Coastal Cricket League final after rain cuts semi-final to 12 overs",
                },
            ),
        ],
        "updated": "2026-11-23T21:10:00+00:00",
    },
    {
        "slug": "shantipuri-heat-action-plan-cooling-centres",
        "headline": "Shantipuri plans 200 cooling centres and shaded bus stops in new heat action plan",
        "standfirst": (
            "The city's draft plan, open for public comment until December 15, also proposes changing working hours "
            "for outdoor labourers on the hottest days."
        ),
        "section": "india",
        "topics": ["climate", "public-health", "transport"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-21T09:00:00+00:00",
        "image": {
            "caption": (
                "The skyline of central Shantipuri, where daytime temperatures crossed 44 degrees Celsius on nine days "
                "last May."
            ),
            "credit": "Photo: Sana Mirza/English News",
            "alt": (
                "Illustration of a city skyline with rows of lit windows and a large pale sun sitting low above the "
                "rooftops"
            ),
            "palette": ("#3b2f4a", "#f29e4c"),
            "motif": "skyline",
        },
        "body": [
            (
                "paragraph",
                "Shantipuri's municipal corporation on Friday published a draft heat action plan that would open 200 "
                "cooling centres across the city during heatwaves, add shade to 1,500 bus stops and allow outdoor "
                "workers to stop work between noon and 4pm on the hottest days. The draft is open for public comment "
                "until December 15, and the corporation hopes to adopt it before next summer.",
            ),
            (
                "paragraph",
                "The city recorded temperatures above 44 degrees Celsius on nine days last May, and hospitals treated "
                "more than 2,100 people for heat-related illness over the summer. The corporation's health department "
                "has linked 37 deaths to heat during that period, most of them among elderly people living alone and "
                "among outdoor workers.",
            ),
            ("subheading", "Cooling centres and warnings"),
            (
                "paragraph",
                "Under the plan, cooling centres would be set up in schools, community halls, libraries and temples "
                "with fans or air-conditioning, drinking water and oral rehydration salts. They would open whenever "
                "the state weather office issues an orange or red heat alert. Ward officers would keep lists of "
                "elderly residents living alone and arrange for volunteers to call or visit them during alerts.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Heat kills quietly, in closed rooms, and often nobody notices until it is too late. This plan "
                        "is about making sure someone knocks on the door."
                    ),
                    "attribution": "Dr Meenal Hegde, health officer, Shantipuri Municipal Corporation",
                },
            ),
            (
                "paragraph",
                "The plan also proposes painting the roofs of 10,000 homes in the city's most crowded neighbourhoods "
                "with a reflective white coating, which can lower indoor temperatures by several degrees. The "
                "corporation said it would start with homes roofed with tin or asbestos sheets, which trap the most "
                "heat.",
            ),
            ("subheading", "Shade on the streets"),
            (
                "paragraph",
                "The transport section of the plan calls for every bus stop on the city's 40 busiest routes to be "
                "given a roof and a drinking-water point, and for a row of shade trees to be planted along every road "
                "widened in future. Urban planners who reviewed the draft said it was one of the most detailed in the "
                "region, but that its success would depend on money being set aside in next year's budget.",
            ),
            ("subheading", "Working hours"),
            (
                "paragraph",
                "The proposal to stop outdoor work in the afternoon on red-alert days would apply to construction "
                "sites and municipal work, and the corporation has asked the state labour department to extend it to "
                "private employers. Construction industry groups said they supported the idea in principle but wanted "
                "an exemption for work that cannot be paused, such as pouring concrete.",
            ),
            (
                "related_link",
                {
                    "slug": "column-our-cities-need-shade",
                    "title": "Our cities keep building flyovers when what we need most is shade",
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "marivelam-port-record-container-volumes",
        "headline": "Marivelam port handles record container volumes as new terminal draws shipping lines",
        "standfirst": (
            "The port moved 412,000 containers in October, its busiest month ever, but truckers say the roads leading "
            "to the docks have not kept pace."
        ),
        "section": "business",
        "topics": ["trade", "transport"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-20T11:20:00+00:00",
        "image": {
            "caption": "Container stacks and cranes at Marivelam's new north terminal, which opened in April.",
            "credit": "Photo: Rohan Pillai/English News",
            "alt": (
                "Illustration of a port at sunset, with stacks of coloured containers and cranes along the horizon and "
                "boats on rippling water"
            ),
            "palette": ("#1b4965", "#f4a259"),
            "motif": "harbour",
        },
        "body": [
            (
                "paragraph",
                "Marivelam port handled a record 412,000 standard containers in October, up 19 per cent from a year "
                "earlier, the Marivelam Port Trust said on Thursday, as shipping lines moved more services to the "
                "port's new north terminal. It was the fourth month in a row that the port had set a monthly record, "
                "and officials said it was on course to handle more than 4.5 million containers this financial year.",
            ),
            (
                "paragraph",
                "The north terminal, which opened in April, can take ships carrying up to 18,000 containers, vessels "
                "that until now had to unload at larger ports further along the coast. Two international shipping "
                "lines and a regional feeder operator have added weekly calls at Marivelam since July, the port trust "
                "said.",
            ),
            ("subheading", "Exports lead the growth"),
            (
                "paragraph",
                "Much of the rise came from exports of textiles, processed seafood, auto parts and spices from "
                "factories in Vindara and neighbouring states. Kavya Freight Lines, a Marivelam logistics company, "
                "said exporters were switching to the port because direct calls saved them between four and seven days "
                "on long-haul voyages, compared with sending cargo through a trans-shipment hub.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Two years ago my customers asked which port was cheapest. Now they ask which port has a ship "
                        "leaving this week, and more and more often the answer is Marivelam."
                    ),
                    "attribution": "Nirmala Kavya, managing director, Kavya Freight Lines",
                },
            ),
            (
                "paragraph",
                "The port trust said it would add four cranes to the north terminal by next June and extend its berth "
                "by 300 metres. It also plans to open a rail siding inside the terminal, so that containers can be "
                "loaded straight onto goods trains instead of making the first leg of their journey inland by road.",
            ),
            ("subheading", "Bottlenecks on the road"),
            (
                "paragraph",
                "Truckers' associations said the growth had brought long queues on the two-lane road that connects the "
                "port with the national highway, with lorries sometimes waiting six hours to enter the terminal gates. "
                "They have asked the state government to speed up work on a dedicated port expressway, which has been "
                "delayed by disputes over land acquisition.",
            ),
            (
                "paragraph",
                "The port trust said it had introduced online booking of time slots for lorries, and that average "
                "waiting times at the gates had fallen by a third since September. The state's roads department said "
                "the first section of the expressway, between the port and the Kallur industrial estate, would open by "
                "the end of next year.",
            ),
            (
                "related_link",
                {
                    "slug": "harbour-cities-pact-green-shipping",
                    "title": 'Ports & "green" shipping: harbour cities sign pact to cut ship emissions at berth',
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "mariners-reach-final-after-rain-shortened-semi",
        "headline": "Mariners reach Coastal Cricket League final after rain cuts semi-final to 12 overs",
        "standfirst": (
            "Captain Arjun Pereira's unbeaten 48 off 27 balls carried Marivelam past the Suvela Strikers in a tense, "
            "rain-shortened chase at the Harbour Oval."
        ),
        "section": "sport",
        "topics": ["cricket", "climate"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-18T16:05:00+00:00",
        "image": {
            "caption": (
                "Groundstaff pull the covers over the square at the Harbour Oval as a second spell of rain arrives on "
                "Wednesday evening."
            ),
            "credit": "Photo: Rohan Pillai/English News",
            "alt": (
                "Illustration of heavy rain falling across a dim street scene, with people under bright umbrellas and "
                "their reflections on the wet ground"
            ),
            "palette": ("#2b3a4a", "#d95d39"),
            "motif": "rain",
        },
        "body": [
            (
                "paragraph",
                "The Marivelam Mariners reached the final of the Coastal Cricket League on Wednesday, beating the "
                "Suvela Strikers by five wickets in a semi-final reduced to 12 overs a side by two spells of heavy "
                "rain at the Harbour Oval. Chasing a revised target of 104, the Mariners got home with two balls to "
                "spare, thanks to an unbeaten 48 off 27 balls from their captain, Arjun Pereira.",
            ),
            (
                "paragraph",
                "Play did not begin until 9.10pm, almost two hours late, after an afternoon downpour left puddles "
                "across the outfield. The groundstaff used a fleet of super-soppers and the ground's new sub-surface "
                "drainage, installed last year, to get the field ready, and the umpires called for a 14-over match. A "
                "second shower after the Strikers' innings reduced it further.",
            ),
            ("subheading", "Pereira holds his nerve"),
            (
                "paragraph",
                "The Strikers, sent in to bat, made 109 for six in their 14 overs, with the opener Faisal Hameed "
                "hitting 41. Under the rain rules, the Mariners' target was then set at 104 from 12 overs. They "
                "slipped to 38 for three in the fifth over before Pereira and the left-hander Dev Nadkarni added 52 in "
                "29 balls to turn the match.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "When the rain came back, I told the boys to forget the target and just win each over. You "
                        "cannot control the sky, you can only control the next ball."
                    ),
                    "attribution": "Arjun Pereira, captain, Marivelam Mariners",
                },
            ),
            (
                "paragraph",
                "Pereira hit three sixes, the last of them over long-on off the Strikers' leg-spinner Omkar Sawant, to "
                "bring the equation down to seven off six balls. Nadkarni was run out in the final over, but the "
                "Mariners' wicketkeeper, Sahil Raut, finished the match with a crisp boundary through the covers.",
            ),
            ("subheading", "A final under a watchful sky"),
            (
                "paragraph",
                "The Mariners will face the Shantipuri Lions in the final at the Harbour Oval on Sunday. The state "
                "weather office has forecast a chance of thunderstorms on Sunday evening, and the league has confirmed "
                "that Monday will be used as a reserve day. If no result is possible on either day, the trophy will be "
                "shared between the two sides.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "arvenia-runoff-election-result",
        "headline": "Arvenia's former mayor wins presidential run-off on a promise to fix the railways",
        "standfirst": (
            "Tomas Rell took 54 per cent of the vote in the second round, defeating the governing party's candidate "
            "after a campaign dominated by prices and public services."
        ),
        "section": "world",
        "topics": ["elections", "transport"],
        "authors": ["ishita-varkey"],
        "published": "2026-11-16T14:30:00+00:00",
        "image": {
            "caption": (
                "Supporters gathered outside Tomas Rell's campaign office in the capital, Velmora, as results came in "
                "on Sunday night."
            ),
            "credit": "Photo: Lina Marsh/English News",
            "alt": (
                "Illustration of a silhouetted figure in a suit against a soft spotlight, with a microphone stand in "
                "the foreground"
            ),
            "palette": ("#2e294e", "#e9b872"),
            "motif": "portrait",
        },
        "body": [
            (
                "paragraph",
                "Tomas Rell, a former mayor of the port city of Sedrin, won Arvenia's presidential run-off on Sunday "
                "with 54.2 per cent of the vote, according to preliminary results from the national electoral "
                "commission. His opponent, Clara Voss of the governing Union for Progress, conceded shortly after "
                "midnight with 45.8 per cent. Turnout was 68 per cent, five points higher than in the first round.",
            ),
            (
                "paragraph",
                "Rell, 51, ran as the candidate of a coalition of centrist and regional parties. His campaign focused "
                "on rising food and fuel prices and on the state of Arvenia's railways, where a series of breakdowns "
                "and a derailment last year left commuters angry at years of underinvestment. As mayor of Sedrin, he "
                "was known for rebuilding the city's tram network.",
            ),
            ("subheading", "A campaign about trains and prices"),
            (
                "paragraph",
                "Rell has promised to spend the equivalent of 2 per cent of national income each year on the railways "
                "for a decade, and to cap rents in the largest cities for two years. Opponents say his plans would "
                "require tax rises he has not spelled out. He has said he will raise money by ending tax exemptions "
                "for some large companies and by borrowing for long-term investment.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "People did not vote for me because of a slogan. They voted because they have spent ten years "
                        "waiting on cold platforms for trains that do not come."
                    ),
                    "attribution": "Tomas Rell, president-elect of Arvenia",
                },
            ),
            (
                "paragraph",
                "Voss, 47, a former finance minister, had led narrowly after the first round three weeks ago but "
                "failed to win over voters from the parties eliminated then. In her concession speech, she "
                "congratulated Rell, thanked the volunteers who had worked on her campaign and said her party would "
                "hold the new president to his promises.",
            ),
            ("subheading", "What happens next"),
            (
                "paragraph",
                "Rell will be sworn in on December 1. His coalition does not control parliament, where the Union for "
                "Progress remains the largest party, and analysts expect him to seek a working arrangement with "
                "smaller parties in order to pass a budget early next year. Parliamentary elections are not due until "
                "2028.",
            ),
            (
                "paragraph",
                "Update: The electoral commission said on Monday morning that counting was complete and that the final "
                "figures, 54.1 per cent for Rell and 45.9 per cent for Voss, would be certified on Thursday. "
                "International observers said the vote had been well run, noting only minor problems with long queues "
                "at some polling stations in the capital.",
            ),
        ],
        "updated": "2026-11-17T02:15:00+00:00",
    },
    {
        "slug": "electric-auto-rickshaw-maker-battery-swap",
        "headline": "Electric auto maker Chakra Motors bets on battery swaps to win over Marivelam drivers",
        "standfirst": (
            "The Marivelam company says drivers can change a flat battery in under two minutes at 120 kiosks across "
            "the city, instead of waiting hours to recharge."
        ),
        "section": "business",
        "topics": ["startups", "transport", "climate"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-14T07:40:00+00:00",
        "image": {
            "caption": (
                "Chakra Motors says monthly sales of its electric auto-rickshaws have risen steadily since it opened "
                "its first swap kiosks in June."
            ),
            "credit": "Graphic: Priya Shenoy/English News",
            "alt": (
                "Illustration of a bar chart on a dark background, with a white line and an arrow tracing the trend "
                "across the bars"
            ),
            "palette": ("#16324f", "#3fc1a5"),
            "motif": "chart",
        },
        "body": [
            (
                "paragraph",
                "Chakra Motors, a five-year-old Marivelam company that makes electric auto-rickshaws, says it will "
                "open 120 battery-swapping kiosks across the city by March, betting that drivers will switch from "
                "petrol and gas vehicles if they never have to wait for a charge. At the kiosks, a driver can swap a "
                "depleted battery pack for a fully charged one in under two minutes.",
            ),
            (
                "paragraph",
                "The company has sold about 6,500 vehicles since 2022, most of them in Marivelam and Shantipuri. Its "
                "chief executive, Rohit Kamble, said sales had risen by roughly a third since it opened its first 30 "
                "kiosks in June, and that the kiosks, rather than the vehicle itself, were now the main reason drivers "
                "gave for buying one.",
            ),
            ("subheading", "Paying for the battery by the kilometre"),
            (
                "paragraph",
                "Drivers buy the vehicle without a battery, which brings its price down to about Rs 1.9 lakh, and pay "
                "a subscription that works out to about Rs 1.40 per kilometre. Chakra says a driver covering 120 "
                "kilometres a day would save about Rs 8,000 a month compared with running a petrol auto, even after "
                "the subscription is paid.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "A driver loses money every hour his auto is standing still. Charging for four hours in the "
                        "afternoon is not a small inconvenience, it is a pay cut."
                    ),
                    "attribution": "Rohit Kamble, chief executive, Chakra Motors",
                },
            ),
            (
                "paragraph",
                "Several drivers at a kiosk near Marivelam Central station said the savings were real, but complained "
                "that kiosks near the airport often ran out of charged batteries in the evening rush. The company said "
                "it was adding battery stock at its busiest locations and would show live availability in its app from "
                "next month.",
            ),
            ("subheading", "Funding and competition"),
            (
                "paragraph",
                "Chakra raised Rs 95 crore earlier this year from a group of investors and a loan from a state "
                "development bank, and says it will need to raise more to reach its target of 600 kiosks across "
                "Vindara. It faces competition from at least three other electric auto makers in the state, none of "
                "which yet offers battery swapping.",
            ),
            (
                "paragraph",
                "Transport researchers say battery swapping could suit auto-rickshaws better than private cars because "
                "the vehicles are small, cover predictable routes and are run by drivers who value their time highly. "
                "They caution that different companies use different battery designs, and have urged the state to set "
                "a common standard so that drivers are not tied to a single network.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "cyclone-vessa-sorel-islands-landfall",
        "headline": "Cyclone Vessa makes landfall on the Sorel Islands as 90,000 people move to shelters",
        "standfirst": (
            "Winds of up to 150 km/h tore roofs from houses and cut power across the archipelago, but early "
            "evacuations appear to have limited the loss of life."
        ),
        "section": "world",
        "topics": ["climate"],
        "authors": ["ishita-varkey"],
        "published": "2026-11-12T05:10:00+00:00",
        "image": {
            "caption": "Residents of Port Calder shelter from driving rain hours before the cyclone crossed the coast.",
            "credit": "Photo: Lina Marsh/English News",
            "alt": (
                "Illustration of a stormy street in heavy rain, with people under umbrellas and dark clouds above "
                "misty buildings"
            ),
            "palette": ("#1d2d44", "#f0a202"),
            "motif": "rain",
        },
        "body": [
            (
                "paragraph",
                "Cyclone Vessa crossed the coast of the Sorel Islands early on Thursday with sustained winds of about "
                "150 kilometres an hour, tearing roofs from houses, uprooting trees and cutting electricity across "
                "most of the archipelago. More than 90,000 people, about a fifth of the population, had been moved to "
                "cyclone shelters, schools and government buildings before the storm arrived, the islands' disaster "
                "management office said.",
            ),
            (
                "paragraph",
                "By Thursday afternoon, officials had confirmed three deaths, including a fisherman whose boat "
                "capsized while he was returning to harbour on Wednesday evening. Dozens of people were treated for "
                "injuries, mostly from falling debris. Officials warned that the toll could change as rescue teams "
                "reached the outer islands, where communications were cut shortly before landfall.",
            ),
            ("subheading", "Early warnings, long queues"),
            (
                "paragraph",
                "Forecasters had tracked the storm for six days as it strengthened over unusually warm water, and the "
                "government ordered the evacuation of coastal villages on Tuesday. Residents of Port Calder, the "
                "capital, described long queues at shelters on Wednesday night, and some said they had waited for "
                "hours for buses that were sent to the most exposed villages first.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Ten years ago a storm like this would have killed hundreds. The shelters worked. What we must "
                        "do now is reach the outer islands quickly, because they have been without contact since "
                        "midnight."
                    ),
                    "attribution": "Rosa Almare, director, Sorel Islands disaster management office",
                },
            ),
            (
                "paragraph",
                "The islands' weather service said the storm had weakened as it moved north-west over land and was "
                "expected to blow itself out over open sea by Friday. Heavy rain was forecast to continue for another "
                "24 hours, however, raising the risk of landslides on the steep hillsides above Port Calder, where "
                "thousands of families live.",
            ),
            ("subheading", "Warmer seas, stronger storms"),
            (
                "paragraph",
                "Meteorologists said Vessa had intensified from a depression into a severe cyclone in under 48 hours, "
                "a pattern of rapid strengthening that scientists have linked to rising sea-surface temperatures. The "
                "Sorel Islands have now been struck by three severe cyclones in five years, after going more than a "
                "decade without one.",
            ),
            ("subheading", "Aid and recovery"),
            (
                "paragraph",
                "Neighbouring governments and aid agencies offered help with shelter kits, water purification and "
                "medical supplies. The islands' government said its priority was to restore power to hospitals and "
                "water pumping stations, and to clear roads so that food could reach the outer islands by boat and by "
                "road over the weekend.",
            ),
            (
                "paragraph",
                "Update: The disaster management office said on Thursday evening that rescue boats had reached two of "
                "the four outer islands, where damage to homes and jetties was extensive but no further deaths had "
                "been reported. Mobile phone services had been partly restored in Port Calder, and the main hospital "
                "was running on generators.",
            ),
        ],
        "updated": "2026-11-12T13:45:00+00:00",
    },
    {
        "slug": "column-startup-funding-winter-small-towns",
        "headline": "The start-up funding winter could turn out to be the best thing for our small towns",
        "standfirst": (
            "When money was cheap, founders chased the big cities. Now that it is scarce, the businesses most worth "
            "building may be the ones closest to home."
        ),
        "section": "opinion",
        "topics": ["startups"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-10T10:00:00+00:00",
        "image": {
            "caption": (
                "Founders in Vindara's smaller towns say they spend less and listen harder to their customers than "
                "their big-city peers."
            ),
            "credit": "Illustration: Tanvi Kale/English News",
            "alt": (
                "Illustration of a person shown in silhouette against a warm, soft spotlight, with a microphone at one "
                "side"
            ),
            "palette": ("#3d2c4e", "#e9b872"),
            "motif": "portrait",
        },
        "body": [
            (
                "paragraph",
                "For a few years, it seemed that every young engineer I met in Vindara wanted to build the next "
                "delivery app for Marivelam's richest neighbourhoods. Money was cheap, investors were impatient and a "
                "pitch that promised to capture a city of two crore people in eighteen months was taken seriously. "
                "That era is over. Funding for start-ups has fallen for two years in a row, and I think that may be "
                "good news for the rest of the state.",
            ),
            (
                "paragraph",
                "When capital is scarce, founders have to build things that people will pay for from the first month. "
                "In my reporting this year, I have found that many of those businesses are being built not in the big "
                "cities but in places like Kallarpet, Kodachal and the towns of the Suvela valley, by people who know "
                "their customers because they grew up beside them.",
            ),
            ("subheading", "Closer to the problem"),
            (
                "paragraph",
                "A cold-storage company I visited in Ravipuram rents space by the crate to vegetable farmers who could "
                "never afford a whole refrigerated room. A firm in Kodachal repairs and resells tractors and pumps "
                "with a guarantee, which sounds dull until you meet the farmers who no longer lose a week of "
                "irrigation waiting for a mechanic from the city. Neither company will ever be valued in thousands of "
                "crores. Both are profitable.",
            ),
            (
                "paragraph",
                "These founders tell me the same things. Their rent is low, their staff stay longer, and their "
                "customers tell them quickly when something does not work. What they lack is not ideas but patient "
                "capital, reliable internet and the kind of accountants and lawyers that big-city firms take for "
                "granted.",
            ),
            ("subheading", "What would help"),
            (
                "paragraph",
                "The state government could do more with less here than with any glossy start-up summit. It could help "
                "district cooperative banks lend small amounts against a young company's sales rather than its land. "
                "It could make sure every district headquarters has dependable broadband, and it could open shared "
                "offices where founders can get legal and tax advice for a modest fee.",
            ),
            (
                "paragraph",
                "I do not want to romanticise small towns; many ambitious people leave them for good reasons. But the "
                "funding winter has cleared away some of the noise. If we pay attention, we may find that the most "
                "useful companies in Vindara are being built a long way from the glass towers, by people who never "
                "expected to be called founders.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "marivelam-pavizham-electric-ferry-service",
        "headline": "Electric ferry links Marivelam with Pavizham island, cutting the crossing to 25 minutes",
        "standfirst": (
            "The new service replaces ageing diesel launches and is expected to carry 6,000 passengers a day, "
            "including fish traders heading for the city's wholesale market."
        ),
        "section": "india",
        "topics": ["transport", "trade", "climate"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-08T08:30:00+00:00",
        "image": {
            "caption": (
                "The electric ferry Kadal Tara leaves the Marivelam boat jetty on its first run on Saturday morning."
            ),
            "credit": "Photo: Devika Rao/English News",
            "alt": (
                "Illustration of a calm harbour at dawn, with small boats on the water, a pier in front and cranes in "
                "the distance"
            ),
            "palette": ("#0b3954", "#ff7f50"),
            "motif": "harbour",
        },
        "body": [
            (
                "paragraph",
                "An electric ferry service between Marivelam and Pavizham island began on Saturday, cutting the "
                "crossing from about 50 minutes on the old diesel launches to 25 minutes. Two battery-powered ferries, "
                "each carrying 100 passengers and 20 two-wheelers, will run every half hour from 5am to 10pm, the "
                "state water transport department said.",
            ),
            (
                "paragraph",
                "About 18,000 people live on Pavizham, a low-lying island of fishing villages and coconut groves at "
                "the mouth of the Marivelam estuary. Until now, residents depended on three diesel launches, two of "
                "them more than 30 years old, which broke down so often that the island's college students say they "
                "kept a second timetable of the days the boats failed.",
            ),
            ("subheading", "Fish, students and fares"),
            (
                "paragraph",
                "Each morning, several hundred fish traders cross from the island to the wholesale market at "
                "Marivelam's fishing harbour with baskets and insulated boxes. The new ferries have a separate loading "
                "deck for goods, and the department has kept the fare for a 20-kilogram basket unchanged at Rs 15. "
                "Passenger fares remain Rs 10, with free travel for students in uniform.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "My fish used to reach the market after the best buyers had gone. If I arrive twenty minutes "
                        "earlier, I get a better price for the whole catch."
                    ),
                    "attribution": "Mary Kuttappan, fish trader, Pavizham",
                },
            ),
            (
                "paragraph",
                "The ferries are charged overnight, and for ten minutes at each end of the route, using fast chargers "
                "at the jetties. The department said they would save about 1,600 litres of diesel a day and cut noise "
                "in the estuary, where fishermen have long complained that the launches frighten fish away from their "
                "nets.",
            ),
            ("subheading", "What comes next"),
            (
                "paragraph",
                "The two ferries were built at a shipyard in Marivelam at a cost of Rs 32 crore, paid for by the state "
                "government with a grant from a national clean transport fund. The department plans to add a third "
                "ferry next year and to electrify the routes to two more islands in the estuary by 2028.",
            ),
            (
                "paragraph",
                "Islanders welcomed the service but said the jetty on Pavizham needed a covered waiting area and "
                "better lighting. Transport officials said work on both would begin this month, along with a new bus "
                "connection from the Marivelam jetty to the metro station at Fort Market.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "harbour-cities-pact-green-shipping",
        "headline": 'Ports & "green" shipping: harbour cities sign pact to cut ship emissions at berth',
        "standfirst": (
            "Eleven port cities have agreed to offer shore power to cargo ships by 2032, but shipping lines say the "
            "cost of refitting their vessels must be shared."
        ),
        "section": "world",
        "topics": ["trade", "climate"],
        "authors": ["ishita-varkey", "kabir-dhanraj"],
        "published": "2026-11-06T12:15:00+00:00",
        "image": {
            "caption": "Cargo ships at anchor off Port Estrela, one of the cities that signed the pact on Thursday.",
            "credit": "Photo: Lina Marsh/English News",
            "alt": (
                "Illustration of a harbour at sunset, with container stacks and cranes on the horizon and boats on "
                "rippling water"
            ),
            "palette": ("#1b4965", "#e0a458"),
            "motif": "harbour",
        },
        "body": [
            (
                "paragraph",
                "Eleven port cities, among them Marivelam, Port Estrela and Port Alder, have signed an agreement to "
                "supply electricity from the shore to cargo ships while they are docked, so that vessels can switch "
                "off the diesel engines they now run at berth to power lights, cranes and refrigeration. The pact, "
                "signed at a meeting of the Coastal Cities Compact in Port Estrela on Thursday, sets 2032 as the "
                "target for the first equipped berths at every port.",
            ),
            (
                "paragraph",
                "Ships at berth can burn several tonnes of fuel a day, and port cities have long complained about the "
                "soot and sulphur fumes that drift into neighbourhoods near their docks. The cities say shore power "
                "could cut emissions at berth by more than 90 per cent where the electricity comes from renewable "
                "sources.",
            ),
            ("subheading", "Who pays for the plugs"),
            (
                "paragraph",
                "Equipping a single large berth with shore power can cost tens of crores of rupees, and ships must "
                "also be fitted with the right connections. The agreement commits each city to publish a plan within a "
                "year and to seek money from national governments and climate funds, but it is not legally binding, "
                "and it leaves the question of refitting ships to separate talks with shipping lines.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Our port brings jobs to the city, and it should not bring asthma with them. A ship that plugs "
                        "in is a ship our children do not have to breathe."
                    ),
                    "attribution": "Lata Fernandes, mayor of Marivelam",
                },
            ),
            (
                "paragraph",
                "Representatives of shipping lines attending the meeting said they supported the goal but warned that "
                "refitting older vessels was expensive, and that lines would only invest if enough ports offered "
                "compatible connections. They asked for a common technical standard, which the cities agreed to adopt "
                "before any equipment is bought.",
            ),
            ("subheading", "Marivelam's first berth"),
            (
                "paragraph",
                "Marivelam's port trust said its first shore-power berth, at the container terminal, would be ready in "
                "2029, supplied partly by a solar farm on reclaimed land beside the port. Port officials said they "
                "would offer a discount on berth charges to ships that plugged in, and that cruise ships calling at "
                "the passenger terminal would be required to use shore power from 2031.",
            ),
            (
                "paragraph",
                "Environmental groups welcomed the pact but said the deadline was too distant, noting that some ports "
                "already offer shore power at a few berths. The cities agreed to meet again next year to report on "
                "their progress, and to publish annual figures on air quality in the neighbourhoods closest to their "
                "docks.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "paisapath-raises-funds-voice-payments",
        "headline": "Shantipuri fintech PaisaPath raises Rs 180 crore to take voice payments to villages",
        "standfirst": (
            "The four-year-old start-up lets shopkeepers and farmers send money by speaking in their own language, and "
            "plans to expand into four more states."
        ),
        "section": "business",
        "topics": ["startups"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-11-04T09:45:00+00:00",
        "image": {
            "caption": "PaisaPath says the value of payments made through its app has grown fivefold in two years.",
            "credit": "Graphic: Priya Shenoy/English News",
            "alt": (
                "Illustration of a bar chart with a white trend line and an arrow, drawn over a dark background with "
                "faint circles"
            ),
            "palette": ("#1f3b5a", "#7bd389"),
            "motif": "chart",
        },
        "body": [
            (
                "paragraph",
                "PaisaPath, a Shantipuri start-up whose app lets people make digital payments by speaking rather than "
                "typing, has raised Rs 180 crore in new funding, the company said on Tuesday. The round was led by "
                "Banyan Coast Ventures, a Marivelam-based investment fund, with existing investors also putting in "
                "money. The company did not disclose its valuation.",
            ),
            (
                "paragraph",
                "Founded in 2022 by Sneha Barretto and Vikram Odedra, former engineers at a state-run bank, PaisaPath "
                "says 4.2 million people use its app each month, most of them in small towns and villages in Vindara. "
                "Users can check balances, pay shopkeepers and send money to relatives by speaking in any of nine "
                "languages, including several dialects that banking apps rarely support.",
            ),
            ("subheading", "Built for people who do not type"),
            (
                "paragraph",
                "Barretto said the idea came from watching her grandmother, a vegetable seller, ask customers to type "
                "payment details into her phone for her. The app now reads every payment back aloud and asks for a "
                "spoken PIN, checked against the user's voice along with a second factor, before sending money. The "
                "company says fraud complaints are below the industry average, a claim it has asked an outside auditor "
                "to verify.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "There are millions of people who are comfortable talking to their phone and terrified of "
                        "typing on it. We built the bank counter they already know, just in their pocket."
                    ),
                    "attribution": "Sneha Barretto, co-founder and chief executive, PaisaPath",
                },
            ),
            (
                "paragraph",
                "The company earns money mainly from small fees paid by merchants and from commissions on insurance "
                "and savings products that it sells on behalf of banks. Odedra said it expected to break even in the "
                "next financial year, helped by a growing number of shops that now accept payments only through the "
                "app.",
            ),
            ("embed", "https://www.youtube.com/watch?v=M7lc1UVf-VE"),
            ("subheading", "Expansion and scrutiny"),
            (
                "paragraph",
                "PaisaPath plans to use the money to expand into four more states, add three languages and hire 250 "
                "people, mostly engineers and field staff. It will also open a support centre in Kallarpet staffed by "
                "people who speak the valley's dialects, after users complained that its help lines were only "
                "available in English and Hindi.",
            ),
            (
                "paragraph",
                "Digital-rights groups have welcomed voice-based banking for people with limited literacy but have "
                "raised questions about how voice recordings are stored. PaisaPath said recordings were encrypted, "
                "kept on servers in India and deleted after 90 days unless a user disputed a payment, and that it "
                "would publish an independent privacy audit next year.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "meridia-highlands-mobile-clinics-measles",
        "headline": "Mobile clinics reach Meridia's highland villages as measles vaccination drive widens",
        "standfirst": (
            "Health teams travelling by jeep, by mule and on foot have vaccinated 186,000 children in six weeks after "
            "an outbreak exposed gaps in remote districts."
        ),
        "section": "world",
        "topics": ["public-health"],
        "authors": ["ishita-varkey"],
        "published": "2026-11-02T15:20:00+00:00",
        "image": {
            "caption": (
                "The road into the Tarrin highlands, where vaccination teams spend up to two days reaching some "
                "villages."
            ),
            "credit": "Photo: Lina Marsh/English News",
            "alt": (
                "Illustration of layered mountain ridges under an evening sky, with a pale sun, snow on the far peaks "
                "and pine trees in front"
            ),
            "palette": ("#2d4059", "#f07b3f"),
            "motif": "mountains",
        },
        "body": [
            (
                "paragraph",
                "Health workers in Meridia have vaccinated more than 186,000 children against measles in six weeks, "
                "the country's health ministry said on Sunday, as a campaign that began after an outbreak in the "
                "Tarrin highlands expanded to every district in the north. The ministry said 2,300 cases and 19 deaths "
                "had been recorded since July, almost all of them in children under five who had not been vaccinated.",
            ),
            (
                "paragraph",
                "The outbreak began in a cluster of mountain villages where routine immunisation had lapsed during two "
                "years of landslides that cut roads and closed clinics. Officials said many families had not seen a "
                "health worker since 2023, and that vaccination coverage in the worst-hit district had fallen to about "
                "55 per cent, far below the 95 per cent needed to stop the virus spreading.",
            ),
            ("subheading", "By jeep, mule and on foot"),
            (
                "paragraph",
                "About 140 mobile teams, each with a nurse, a vaccinator and a community volunteer who speaks the "
                "local language, have been travelling through the highlands with vaccines kept cold in insulated boxes "
                "packed with ice. Some villages are a two-day walk from the nearest road. The teams have also checked "
                "children for malnutrition and given them vitamin A, which reduces the severity of measles.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "In the first villages, mothers hid their children because they did not know us. Now they come "
                        "to find us, because they have seen what measles did to their neighbours."
                    ),
                    "attribution": "Dr Anya Kosta, head of the Meridian health ministry's immunisation programme",
                },
            ),
            (
                "paragraph",
                "The ministry said the campaign was being paid for from the national budget, with vaccines and "
                "cold-chain equipment supplied through an international children's health fund. It has asked donors "
                "for 40 more solar-powered refrigerators so that highland clinics can store vaccines safely all year "
                "round.",
            ),
            ("subheading", "Keeping the gains"),
            (
                "paragraph",
                "Public-health specialists say the harder task will be making sure that children born next year are "
                "vaccinated on time, rather than waiting for another outbreak. The ministry has promised to reopen 32 "
                "highland clinics closed by landslides, and to pay community health workers a monthly stipend for the "
                "first time, starting in January.",
            ),
            (
                "paragraph",
                "Cases have begun to fall in the first districts reached by the teams, according to weekly figures, "
                "but officials warned that the outbreak was still spreading in two valleys near the border. Schools in "
                "those valleys will check every child's vaccination card when the winter term begins.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "column-our-cities-need-shade",
        "headline": "Our cities keep building flyovers when what we need most is shade",
        "standfirst": (
            "Every summer we count heatstroke cases and promise to do better. The simplest answer grows by the "
            "roadside, if only we would plant it."
        ),
        "section": "opinion",
        "topics": ["climate", "transport", "public-health"],
        "authors": ["ishita-varkey"],
        "published": "2026-10-31T06:00:00+00:00",
        "image": {
            "caption": (
                "Afternoon haze over the city centre: in May, temperatures in Vindara's cities rarely fall below 28 "
                "degrees even at night."
            ),
            "credit": "Photo: Sana Mirza/English News",
            "alt": (
                "Illustration of a city skyline under a hazy amber sky, with a glowing sun between tall buildings and "
                "scattered lit windows"
            ),
            "palette": ("#5a3e36", "#f2b134"),
            "motif": "skyline",
        },
        "body": [
            (
                "paragraph",
                "Last May, I walked from the bus depot in Shantipuri to the district court, a distance of a little "
                "under two kilometres, at two in the afternoon. I counted eleven trees along the way, four of them "
                "young saplings inside iron cages. By the time I arrived my shirt was soaked and my head ached. I was "
                "lucky: I had water, a hat and a cool office to sit in. The vendors and traffic police I passed had "
                "none of those.",
            ),
            (
                "paragraph",
                "Our cities talk a great deal about heat now. We have heat action plans, cooling centres and "
                "text-message warnings, and these are welcome. But almost all of that is about responding to heat once "
                "it arrives. Very little of it is about changing the streets themselves, which is where most working "
                "people spend the hottest hours of the day.",
            ),
            ("subheading", "A tree is infrastructure"),
            (
                "paragraph",
                "I would like us to think of a shade tree the way we think of a streetlight or a drain: as public "
                "infrastructure that every road must have, planned and budgeted from the start. A mature neem or rain "
                "tree can make the pavement beneath it several degrees cooler than an exposed stretch of the same "
                "road. A row of them turns a walk that is unbearable into one that is merely uncomfortable.",
            ),
            (
                "paragraph",
                "Instead, road-widening projects in our cities routinely cut old trees down and promise to plant ten "
                "saplings elsewhere, usually on the edge of town where nobody walks. The flyover gets built, the "
                "traffic returns, and the pavement underneath it, if there is still a pavement, only gets hotter.",
            ),
            ("subheading", "What I would ask of the city"),
            (
                "paragraph",
                "It does not need to be complicated. Every new or widened road should have a continuous line of shade, "
                "from trees or, where trees cannot grow, from simple canopies. Bus stops should be shaded and placed "
                "where people actually wait. And the municipal corporation should publish a shade map, street by "
                "street, so that residents can see which neighbourhoods have been left in the sun and hold their "
                "councillors to account.",
            ),
            (
                "paragraph",
                "None of this will stop a heatwave. But it could decide whether a delivery rider or a schoolchild "
                "walking home gets through one safely. After the marathon organisers in Marivelam moved their start to "
                "the middle of the night this month, I wondered how long the rest of us can keep doing the same. We "
                "cannot all run before dawn.",
            ),
            (
                "related_link",
                {
                    "slug": "marivelam-marathon-earlier-start-heat",
                    "title": "Marivelam marathon moves its start to 4.30am as organisers plan for October heat",
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "marivelam-metro-blue-line-opens",
        "headline": "Marivelam metro's Blue Line opens to passengers after two years of delays",
        "standfirst": (
            "The 14-km line links the main railway station with the airport through the old town, and officials expect "
            "90,000 riders a day within six months."
        ),
        "section": "india",
        "topics": ["transport"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-29T10:30:00+00:00",
        "image": {
            "caption": "The elevated Blue Line crosses the old town of Marivelam near Fort Market station.",
            "credit": "Photo: Devika Rao/English News",
            "alt": (
                "Illustration of a city skyline in the evening, with rows of lit windows and a warm sun low over the "
                "rooftops"
            ),
            "palette": ("#1f3b5a", "#e0a458"),
            "motif": "skyline",
        },
        "body": [
            (
                "paragraph",
                "The first phase of the Marivelam metro's Blue Line opened to passengers on Wednesday morning, two "
                "years later than planned, with trains running every eight minutes between Marivelam Central railway "
                "station and the airport. The 14-kilometre line, 11 kilometres of it elevated and three underground "
                "beneath the old town, has 12 stations and cuts the journey to the airport from over an hour by road "
                "at peak times to 26 minutes.",
            ),
            (
                "paragraph",
                "Some 38,000 people rode the line on its first day, according to the Marivelam Metro Rail Corporation, "
                "many of them families taking a first ride. Queues at ticket counters at Fort Market station stretched "
                "out to the street by mid-morning, and the corporation opened extra counters and urged passengers to "
                "use the smart card or the mobile app instead.",
            ),
            ("subheading", "Why it took longer"),
            (
                "paragraph",
                "The line was originally due to open in late 2024. Officials blamed the delay on the discovery of old "
                "drainage tunnels beneath the old town, which forced a redesign of two underground stations, and on a "
                "dispute with a contractor over the viaduct near the harbour. The final cost is Rs 8,950 crore, about "
                "18 per cent above the original estimate.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "We had to tunnel under a 150-year-old market without disturbing a single shop. That is slow "
                        "work, and I would rather open late than open unsafe."
                    ),
                    "attribution": "Farzana Kutty, managing director, Marivelam Metro Rail Corporation",
                },
            ),
            (
                "paragraph",
                "Fares range from Rs 10 to Rs 50, with a 20 per cent discount for smart-card users and free travel for "
                "children under five. Trains will run from 5.30am to 11pm, with services every five minutes during the "
                "morning and evening rush hours from December, once the last of the new trains have been delivered.",
            ),
            ("subheading", "Buses and autos to feed the line"),
            (
                "paragraph",
                "The city's transport corporation has introduced 60 feeder buses connecting eight stations with nearby "
                "neighbourhoods, and auto-rickshaw stands have been marked outside every station. Urban transport "
                "researchers have said the line's success will depend on these connections, since most of the city's "
                "residents live more than a kilometre from the nearest station.",
            ),
            (
                "paragraph",
                "Work on the second phase, which would extend the line north to the industrial suburb of Kallur, has "
                "begun with land surveys. A separate Green Line, running east to west along the seafront, is still "
                "awaiting approval from the state and central governments.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "column-vindara-election-should-be-about-buses",
        "headline": "This election, ask every candidate one simple question: where is my bus?",
        "standfirst": (
            "Flyovers and metro lines make good posters, but most of Vindara's commuters still wait at a bus stop. "
            "That is where the campaign should begin."
        ),
        "section": "opinion",
        "topics": ["elections", "transport"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-27T07:15:00+00:00",
        "image": {
            "caption": (
                "Candidates will spend the next three months at microphones. Commuters want to hear about timetables."
            ),
            "credit": "Illustration: Tanvi Kale/English News",
            "alt": (
                "Illustration of a silhouetted speaker with a rim of warm light, standing before a soft glow with a "
                "microphone to one side"
            ),
            "palette": ("#283d3b", "#edddd4"),
            "motif": "portrait",
        },
        "body": [
            (
                "paragraph",
                "I have waited at the same bus stop in Shantipuri for eleven years, and in that time I have seen two "
                "flyovers built over it, one metro line promised beside it and not a single extra bus stop at it. I "
                "suspect many readers could say the same about their own stops. So when the campaign for Vindara's "
                "assembly election begins in earnest next month, I would like every candidate to answer one simple "
                "question: where is my bus?",
            ),
            (
                "paragraph",
                "It is not a frivolous question. According to the state transport department's own survey, more people "
                "in Vindara's cities travel to work by bus than by car, metro and two-wheeler put together. Yet the "
                "state's bus fleet has grown by less than five per cent in a decade, while the number of registered "
                "cars has nearly doubled. The buses we do have are older, slower and more crowded every year.",
            ),
            ("subheading", "What buses do that flyovers cannot"),
            (
                "paragraph",
                "I understand why politicians prefer flyovers. They are visible, they can be inaugurated, and they "
                "photograph well from a helicopter. A bus route does none of those things. But a flyover moves cars "
                "faster for a year or two until traffic catches up, while a bus that comes every ten minutes changes "
                "the life of the cleaner, the student and the shop assistant who cannot afford anything else.",
            ),
            (
                "paragraph",
                "I have also noticed that the people who plan our roads rarely ride our buses. If they did, they would "
                "know that the stop near my home has no shelter, that the timetable pasted on the pole dates from "
                "2019, and that the last bus leaves the city centre at 9.40pm, which is too early for anyone who works "
                "in a restaurant or a hospital.",
            ),
            ("subheading", "Three promises worth making"),
            (
                "paragraph",
                "So here is what I would like to hear, from any party. First, a firm number of new buses each year, "
                "with money set aside in the budget rather than left to chance. Second, dedicated bus lanes on the ten "
                "busiest roads in every city, enforced with cameras. Third, live arrival information at every stop, so "
                "that waiting becomes something you can plan around rather than simply endure.",
            ),
            (
                "paragraph",
                "None of this is glamorous, and none of it requires a foundation stone. But the party that makes and "
                "keeps these promises will have done more for ordinary commuters than any number of flyovers. When "
                "candidates knock on your door this winter, ask them about the bus. Then watch which ones know the "
                "route number.",
            ),
            (
                "related_link",
                {
                    "slug": "vindara-assembly-election-dates-announced",
                    "title": "Vindara to vote in three phases from January 14 as assembly poll dates are announced",
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "lusmar-strait-reopens-freight-rates-ease",
        "headline": "Freight rates ease as the Lusmar Strait reopens to the largest ships after dredging",
        "standfirst": (
            "A 14-month dredging project has restored full depth in the narrow channel, ending detours that added up "
            "to four days to some voyages."
        ),
        "section": "world",
        "topics": ["trade"],
        "authors": ["ishita-varkey"],
        "published": "2026-10-24T13:00:00+00:00",
        "image": {
            "caption": (
                "Weekly container freight rates on routes through the strait have fallen for five weeks in a row."
            ),
            "credit": "Graphic: Priya Shenoy/English News",
            "alt": (
                "Illustration of a bar chart on a dark blue background, with a white line and an arrow showing the "
                "trend across the bars"
            ),
            "palette": ("#14213d", "#fca311"),
            "motif": "chart",
        },
        "body": [
            (
                "paragraph",
                "Container and bulk ships of the largest size began passing through the Lusmar Strait again this week "
                "after a 14-month dredging project restored the channel to a depth of 17 metres, the strait's joint "
                "authority said on Thursday. Since last August, ships drawing more than 13 metres had been forced to "
                "sail around the Corvane peninsula, a detour of up to four days.",
            ),
            (
                "paragraph",
                "Freight rates on routes that use the strait have fallen for five weeks in a row in anticipation of "
                "the reopening. A benchmark rate for shipping a 40-foot container through the channel has fallen about "
                "22 per cent from its peak in July, according to figures published by a shipbrokers' association in "
                "Port Estrela.",
            ),
            ("subheading", "A silted channel"),
            (
                "paragraph",
                "The strait, about 40 kilometres long and less than three kilometres wide at its narrowest point, lies "
                "between the republics of Lusmar and Corvane. Heavy sediment carried down by two rivers after "
                "unusually intense rains in 2024 and 2025 had reduced its depth in places to about 12 metres, "
                "according to surveys by the joint authority, which the two countries run together.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "We did not just dig the channel out. We have changed how we watch it, with monthly surveys, "
                        "so that we see the silt coming rather than discovering it when a ship runs aground."
                    ),
                    "attribution": "Helena Varga, director general, Lusmar Strait Joint Authority",
                },
            ),
            (
                "paragraph",
                "The authority said the dredging had cost about 610 million dollars, shared between the two "
                "governments and funded partly through a temporary surcharge on ships using the strait. That surcharge "
                "will be phased out by March, it said, once the final payments to the dredging contractors have been "
                "made.",
            ),
            ("subheading", "Relief for importers"),
            (
                "paragraph",
                "Traders in port cities that depend on the strait said the reopening would ease pressure on the prices "
                "of imported goods, including fertiliser and cooking oil, which had risen partly because of the longer "
                "voyages. Analysts cautioned that rates would also depend on fuel costs and on how quickly shipping "
                "lines restored the services they had suspended during the detour.",
            ),
            (
                "paragraph",
                "Shipping lines will still have to pay higher pilotage fees for the largest vessels, which must now be "
                "escorted through the channel by two tugs. The authority said the rule would stay in place until new "
                "navigation buoys and a radar station at the narrowest point of the strait were completed next year.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "dengue-cases-rise-after-suvela-floods",
        "headline": "Dengue cases double in flood-hit Suvela valley as health teams step up checks",
        "standfirst": (
            "Kallarpet district has recorded 1,140 cases so far this month, most of them in neighbourhoods that were "
            "under water three weeks ago."
        ),
        "section": "india",
        "topics": ["public-health", "climate"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-21T08:50:00+00:00",
        "image": {
            "caption": "A health worker checks water storage drums for mosquito larvae in Kallarpet on Monday.",
            "credit": "Photo: Sana Mirza/English News",
            "alt": (
                "Illustration of rain falling on a street in the evening, with figures holding umbrellas and ripples "
                "on the wet road"
            ),
            "palette": ("#33415c", "#ef8354"),
            "motif": "rain",
        },
        "body": [
            (
                "paragraph",
                "Dengue cases in Kallarpet district have more than doubled in the three weeks since floods swept "
                "through the Suvela valley, with 1,140 cases confirmed so far in October against 530 in the whole of "
                "September. Most of the new infections have been recorded in low-lying wards of Kallarpet town and in "
                "villages along the river, where water stood in courtyards and fields for days.",
            ),
            (
                "paragraph",
                "District chief medical officer Dr Imran Sheikh said there had been no deaths, but that 96 patients "
                "were being treated in hospital, 11 of them with warning signs such as falling platelet counts. The "
                "district hospital has opened a separate fever ward with 60 beds, and private hospitals have been "
                "asked to report every confirmed case within 24 hours.",
            ),
            ("subheading", "House-to-house checks"),
            (
                "paragraph",
                "About 900 health workers and volunteers are visiting homes to look for stagnant water in which Aedes "
                "mosquitoes breed, such as flower pots, discarded tyres, water storage drums and the trays beneath "
                "refrigerators. In the first week of the drive they found larvae in roughly one in every eight homes "
                "checked, officials said. Teams are also fogging streets in the evening, although doctors say removing "
                "breeding sites matters far more.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "After a flood, people store water because they do not trust the taps, and that stored water "
                        "is exactly where the mosquito breeds. Covering a drum does more than any fogging machine."
                    ),
                    "attribution": "Dr Imran Sheikh, chief medical officer, Kallarpet district",
                },
            ),
            (
                "paragraph",
                "Residents in some wards said rubbish left behind by the floods had still not been collected, and that "
                "blocked drains were holding water. The municipal commissioner said 40 extra lorries had been hired to "
                "clear debris and that all major drains in the town would be cleaned by the end of the month.",
            ),
            ("subheading", "Testing and treatment"),
            (
                "paragraph",
                "Free dengue tests are available at all primary health centres in the district, and the state health "
                "department has sent an additional 20,000 rapid test kits. Doctors have urged people with a high "
                "fever, severe headache or pain behind the eyes to get tested early, and to avoid painkillers such as "
                "ibuprofen, which can increase the risk of bleeding, until dengue has been ruled out.",
            ),
            (
                "related_link",
                {
                    "slug": "suvela-valley-floods-relief-camps",
                    "title": "Suvela valley floods force 18,000 into relief camps as the river breaches embankments",
                },
            ),
        ],
        "updated": None,
    },
    {
        "slug": "kodachal-tea-growers-solar-cooperative",
        "headline": "Kodachal tea growers turn to shared solar power as outages hit their factories",
        "standfirst": (
            "A cooperative of 340 small growers has installed a 2-megawatt solar plant on unused slopes, financed by a "
            "young energy company that is paid out of the savings."
        ),
        "section": "business",
        "topics": ["climate", "startups"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-18T11:05:00+00:00",
        "image": {
            "caption": (
                "Tea estates on the slopes above Kodachal, where the growers' cooperative has built its solar plant."
            ),
            "credit": "Photo: Joel Mascarenhas/English News",
            "alt": (
                "Illustration of layered mountain ridges under a pale sun, with dark pine trees in the foreground and "
                "birds in the sky"
            ),
            "palette": ("#264653", "#e9c46a"),
            "motif": "mountains",
        },
        "body": [
            (
                "paragraph",
                "A cooperative of 340 small tea growers in the Kodachal hills has switched on a 2-megawatt solar plant "
                "built on terraces too steep for tea, in a bid to keep its two leaf-processing factories running "
                "through the frequent power cuts that have hit the district this year. The plant, which cost Rs 11 "
                "crore, was built in seven months and began supplying the factories on Friday.",
            ),
            (
                "paragraph",
                "The Kodachal Small Growers' Cooperative said its factories lost about 300 hours of power between "
                "January and August, forcing them to run diesel generators or leave freshly plucked leaf to wilt. Tea "
                "leaf must be processed within hours of plucking, and growers said they had been forced to sell to "
                "private factories at lower prices on days when the cooperative's machines stood idle.",
            ),
            ("subheading", "Paid from the savings"),
            (
                "paragraph",
                "The plant was financed and built by Sunterrace Energy, a three-year-old company from Shantipuri that "
                "installs solar systems for farm cooperatives and charges them a fixed rate per unit of electricity "
                "for 15 years, after which the plant passes to the cooperative. The cooperative says the rate is about "
                "40 per cent below what it pays the state electricity board, and far below the cost of diesel.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Our members are not rich people. They have one or two acres each. If the factory stops, they "
                        "lose the whole day's income, so for us electricity is not a utility bill, it is the harvest."
                    ),
                    "attribution": "Lakshmi Gowdar, president, Kodachal Small Growers' Cooperative",
                },
            ),
            (
                "paragraph",
                "Batteries installed alongside the panels can run the factories' withering fans and rolling machines "
                "for about four hours after sunset. The cooperative has kept one diesel generator as a back-up for the "
                "monsoon months, when cloud cover in the hills can cut the plant's output by more than half for days "
                "at a time.",
            ),
            ("subheading", "A model for other crops"),
            (
                "paragraph",
                "Sunterrace's founder, Ayaan Qadri, an engineer who worked on grid projects before starting the "
                "company, said it had signed similar agreements with a cardamom cooperative and two dairy societies in "
                "the Suvela valley. He said the company had raised Rs 60 crore from a climate-focused fund and two "
                "state-owned banks to finance the projects.",
            ),
            (
                "paragraph",
                "Agricultural economists say such arrangements could help small growers cut costs and emissions at the "
                "same time, but warn that long contracts need careful scrutiny. The cooperative's members voted on the "
                "agreement at a general meeting in March, after an independent engineer hired by the cooperative had "
                "reviewed the price and the plant's design.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "kodachal-hawks-teenage-spinner-six-wickets",
        "headline": "Teenage leg-spinner Ritika Salvi takes six wickets as Kodachal Hawks stun holders",
        "standfirst": (
            "The 17-year-old from a hill village returned figures of 6 for 19 on her debut in the Vindara Women's "
            "League, bowling out the Shantipuri Lions for 98."
        ),
        "section": "sport",
        "topics": ["cricket"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-15T15:40:00+00:00",
        "image": {
            "caption": (
                "Floodlights at the Kodachal district ground, where the Hawks beat the defending champions on "
                "Wednesday night."
            ),
            "credit": "Photo: Joel Mascarenhas/English News",
            "alt": (
                "Illustration of a floodlit cricket stadium at night, with a striped green outfield, a crowded stand "
                "and four light towers"
            ),
            "palette": ("#0d1b2a", "#e76f51"),
            "motif": "stadium",
        },
        "body": [
            (
                "paragraph",
                "Ritika Salvi, a 17-year-old leg-spinner from the hill village of Pannimala, took six wickets for 19 "
                "runs on her debut on Wednesday night as the Kodachal Hawks beat the defending champions, the "
                "Shantipuri Lions, by 47 runs in the Vindara Women's League. Chasing 146 at the floodlit district "
                "ground in Kodachal, the Lions were bowled out for 98 in the 17th over.",
            ),
            (
                "paragraph",
                "Salvi came on in the seventh over with the Lions on 44 for one and struck with her second ball, a "
                "googly that beat opener Shreya Kamath's outside edge and hit the top of off stump. She went on to "
                "dismiss the Lions' captain, Aditi Gokhale, stumped for 12, and finished the innings herself with two "
                "wickets in her final over.",
            ),
            ("subheading", "From the village field to the floodlights"),
            (
                "paragraph",
                "Salvi learned the game on a sloping field behind her school, where, her coach says, the bounce was so "
                "unpredictable that she learned to spin the ball hard simply to make it do anything. She was picked "
                "for the district under-19 side two seasons ago and was signed by the Hawks at the league auction in "
                "August for Rs 3 lakh, their second-cheapest signing.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "She does not bowl like a 17-year-old. She bowls like someone who has been told she is too "
                        "small to turn the ball, and has decided to prove everybody wrong."
                    ),
                    "attribution": "Suman Bhatkal, head coach, Kodachal Hawks",
                },
            ),
            (
                "paragraph",
                "Earlier, the Hawks recovered from 31 for three thanks to a 58-ball 71 from their wicketkeeper, Neha "
                "Dsouza, who put on 84 for the fourth wicket with the all-rounder Kavya Mendon. The Lions' seamers "
                "conceded 14 wides, a number their captain described afterwards as unacceptable at this level.",
            ),
            ("subheading", "Table tightens"),
            (
                "paragraph",
                "The win lifts the Hawks to third in the six-team table with two matches left, level on points with "
                "the Marivelam Mariners. The Lions remain top, but their net run rate took a heavy blow. The Hawks "
                "play the Suvela Strikers in Marivelam on Saturday, and Salvi's family said they would make the "
                "six-hour bus journey to watch her.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "vindara-assembly-election-dates-announced",
        "headline": "Vindara to vote in three phases from January 14 as assembly poll dates are announced",
        "standfirst": (
            "The state election commission has fixed counting for February 2, with 2.6 crore voters expected to choose "
            "a new 180-member assembly."
        ),
        "section": "india",
        "topics": ["elections"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-12T09:25:00+00:00",
        "image": {
            "caption": (
                "The state secretariat in Shantipuri, where the election commission announced the schedule on Monday."
            ),
            "credit": "Photo: Devika Rao/English News",
            "alt": "Illustration of a city skyline at dusk, with lit windows in dark towers and a low sun behind them",
            "palette": ("#22333b", "#c6ac8f"),
            "motif": "skyline",
        },
        "body": [
            (
                "paragraph",
                "Vindara will elect a new legislative assembly in three phases on January 14, January 22 and January "
                "29, with votes counted on February 2, the state's chief electoral officer, Vasudha Iyer, announced in "
                "Shantipuri on Monday. The model code of conduct, which bars the government from announcing new "
                "schemes or transferring officials, came into force immediately.",
            ),
            (
                "paragraph",
                "About 2.6 crore people are registered to vote, including 4.1 lakh who will cast a ballot for the "
                "first time. The election commission said 31,400 polling stations would be set up across the state's "
                "180 constituencies, and that every station would have a ramp, drinking water and a shaded waiting "
                "area.",
            ),
            ("subheading", "Coastal districts vote first"),
            (
                "paragraph",
                "The first phase covers the 58 constituencies in the coastal districts, including all 14 seats in "
                "Marivelam city. The Suvela valley and the central plains vote in the second phase, and the Kodachal "
                "hill districts in the third. Iyer said the phases had been arranged around school examinations and "
                "the harvest in the valley, and to allow security forces to move between regions.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Every voter in Vindara should be able to reach a polling station within two kilometres of "
                        "home. Where that is not possible, we will bring the polling station to them."
                    ),
                    "attribution": "Vasudha Iyer, chief electoral officer, Vindara",
                },
            ),
            (
                "paragraph",
                "For the first time, voters above 85 and people with disabilities can choose to vote from home. Teams "
                "of polling officers will visit them in the week before their phase, with a video camera recording the "
                "process. The commission said about 96,000 people had already asked for the facility.",
            ),
            ("subheading", "Parties begin the count"),
            (
                "paragraph",
                "The governing Vindara Janata Manch, which has held power for two terms, said it would campaign on its "
                "record on roads and the new Marivelam metro. The main opposition alliance, led by the Lok Samata "
                "Party, said it would focus on jobs, flood protection in the Suvela valley and the price of "
                "essentials. Both said they would announce candidates for the first phase by the end of November.",
            ),
            (
                "paragraph",
                "Campaign spending has been capped at Rs 40 lakh per candidate. The commission said it would deploy "
                "flying squads in every district to check cash and liquor being moved before polling, and that "
                "complaints could be filed through a mobile app, with a promise of action within 100 minutes.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "kalevia-moves-coastal-villages-inland",
        "headline": "Kalevia begins moving three coastal villages inland as sea water reaches their farms",
        "standfirst": (
            "The island republic's first planned relocation will move about 2,400 people to higher ground over five "
            "years, paid for largely by a new climate fund."
        ),
        "section": "world",
        "topics": ["climate"],
        "authors": ["ishita-varkey"],
        "published": "2026-10-08T07:55:00+00:00",
        "image": {
            "caption": (
                "Paddy fields near the village of Oru Vela, on Kalevia's eastern coast, where farmers say salt water "
                "creeps further inland every year."
            ),
            "credit": "Photo: Lina Marsh/English News",
            "alt": "Illustration of gently rolling striped fields with trees and a small farmhouse under a hazy sun",
            "palette": ("#3a5a40", "#dda15e"),
            "motif": "fields",
        },
        "body": [
            (
                "paragraph",
                "The government of Kalevia, a small island republic in the Indian Ocean, has begun moving three "
                "fishing and farming villages on its eastern coast to higher ground, in what officials describe as the "
                "country's first planned retreat from the sea. About 2,400 people from Oru Vela, Pelan Bay and Amari "
                "Cove will move to new settlements between two and six kilometres inland over the next five years.",
            ),
            (
                "paragraph",
                "The decision follows a survey by the island's agriculture ministry which found that salt water had "
                "spoiled wells and paddy fields up to 800 metres from the shore in all three villages. Farmers there "
                "say yields of rice and taro have halved in a decade, and that storm surges now reach houses that were "
                "dry when they were children.",
            ),
            ("subheading", "Land, houses and a say in the plan"),
            (
                "paragraph",
                "Each household will receive a plot of the same size as its current one, a new house built to a "
                "cyclone-resistant design, and a cash grant for the first year to cover lost income. Fishing families "
                "will keep their landing rights on the old shore, and the government has promised a paved road and a "
                "daily bus so that they can reach their boats before dawn.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Nobody here wants to leave the place where their grandparents are buried. But we would rather "
                        "choose where we go than wait for the sea to choose for us."
                    ),
                    "attribution": "Mirela Tavan, head of the village council, Oru Vela",
                },
            ),
            (
                "paragraph",
                "Village councils in the three communities voted on the plan in August after months of public "
                "meetings, and residents were allowed to choose between two sites. In Pelan Bay the vote was close, "
                "and about 60 families have said they will stay in their homes for now. Officials said no one would be "
                "forced to move.",
            ),
            ("subheading", "Who pays"),
            (
                "paragraph",
                "The relocation is expected to cost about 84 million Kalevian crowns, roughly Rs 420 crore. Two-thirds "
                "will come from a fund set up last year by a group of island states and donor governments to pay for "
                "loss and damage caused by climate change, and the rest from the national budget. Kalevia's finance "
                "ministry said it would publish every contract online.",
            ),
            (
                "paragraph",
                "Environment minister Joran Pell said the plan could become a model for other island states, but "
                'warned that relocation was expensive and could never be the answer for whole countries. "We are doing '
                'this because we have hills to move to," he told reporters in the capital, Port Alder. "Many of our '
                'neighbours do not."',
            ),
        ],
        "updated": None,
    },
    {
        "slug": "marivelam-marathon-earlier-start-heat",
        "headline": "Marivelam marathon moves its start to 4.30am as organisers plan for October heat",
        "standfirst": (
            "Race organisers say the earlier start, extra water stations and a cooling zone at the finish are meant to "
            "keep 12,000 runners safe on an exposed seafront course."
        ),
        "section": "sport",
        "topics": ["climate", "public-health"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-05T04:45:00+00:00",
        "image": {
            "caption": (
                "Runners train along the Marivelam seafront promenade at dawn, close to where the marathon will finish "
                "later this month."
            ),
            "credit": "Photo: Rohan Pillai/English News",
            "alt": (
                "Illustration of a harbour at sunrise, with cranes and containers on the horizon, boats on calm water "
                "and a pier in the foreground"
            ),
            "palette": ("#355070", "#eaac8b"),
            "motif": "harbour",
        },
        "body": [
            (
                "paragraph",
                "The Marivelam City Marathon will start an hour and a half earlier than usual this year, at 4.30am, "
                "after organisers reviewed medical records from last year's race, when 64 runners were treated for "
                "heat exhaustion. The race, which follows the seafront from the old lighthouse to the fishing harbour "
                "and back, is expected to draw about 12,000 runners across the full, half and 10-kilometre events on "
                "October 25.",
            ),
            (
                "paragraph",
                "Race director Philomena D'Costa said the course would have a water station every two kilometres "
                "instead of every three, and that the last six kilometres, which run along an unshaded stretch of the "
                "harbour road, would have misting fans and ice sponges. A cooling zone with tubs of iced water and 40 "
                "beds will be set up at the finish, staffed by doctors from two city hospitals.",
            ),
            ("subheading", "Lessons from last year"),
            (
                "paragraph",
                "Last year's race started at 6am, and by the time most half-marathon runners finished the temperature "
                "had passed 33 degrees Celsius with humidity above 80 per cent. The state sports medicine association, "
                "which reviewed the event, found that most of the runners who needed treatment were first-timers who "
                "had not trained in similar conditions and had skipped water stations early in the race.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "Heat does not announce itself. Runners feel fine at 15 kilometres and then fall apart at 18. "
                        "We would rather start in the dark than treat people in an ambulance."
                    ),
                    "attribution": "Philomena D'Costa, race director, Marivelam City Marathon",
                },
            ),
            (
                "paragraph",
                "Registered runners will receive text messages during race week with advice on hydration and pacing, "
                "and the organisers have asked anyone with a heart condition to bring a doctor's certificate. For the "
                "first time, runners' bibs will carry their blood group and an emergency contact number printed on the "
                "back.",
            ),
            ("subheading", "Road closures and special buses"),
            (
                "paragraph",
                "The city traffic police said the seafront road and the harbour road would be closed from 2am to 10am "
                "on race day. The Marivelam Metropolitan Transport Corporation will run special buses from four "
                "suburbs from 2.45am, and the organisers said runners could travel free on those buses by showing "
                "their bibs. Residents along the route have been asked to move parked vehicles the night before.",
            ),
        ],
        "updated": None,
    },
    {
        "slug": "suvela-valley-floods-relief-camps",
        "headline": "Suvela valley floods force 18,000 into relief camps as the river breaches embankments",
        "standfirst": (
            "Three days of late-monsoon rain pushed the Suvela above its danger mark, cutting off villages in two "
            "districts and closing the valley's only highway."
        ),
        "section": "india",
        "topics": ["climate", "public-health"],
        "authors": ["kabir-dhanraj"],
        "published": "2026-10-01T06:20:00+00:00",
        "image": {
            "caption": (
                "Residents wade through a flooded market street in Kallarpet on Wednesday as the Suvela stayed above "
                "the danger mark."
            ),
            "credit": "Photo: Sana Mirza/English News",
            "alt": (
                "Illustration of heavy rain over a grey street, with people sheltering under orange umbrellas in front "
                "of misty buildings"
            ),
            "palette": ("#2f3e46", "#f4845f"),
            "motif": "rain",
        },
        "body": [
            (
                "paragraph",
                "More than 18,000 people in the Suvela valley spent Wednesday night in schools, temples and community "
                "halls after the Suvela river breached its embankments at four points, flooding low-lying "
                "neighbourhoods of Kallarpet and at least 40 villages in Kallarpet and Ravipuram districts. The state "
                "disaster response force said 212 people had been rescued by boat since Tuesday evening, and no deaths "
                "had been reported by late Wednesday.",
            ),
            (
                "paragraph",
                "The state weather office recorded 286 mm of rain at Kallarpet over 72 hours, nearly three times the "
                "normal figure for the whole of late September. Officials said the water level at the Ravipuram "
                "barrage peaked at 14.2 metres on Wednesday morning, more than a metre above the danger mark, before "
                "beginning to fall slowly in the afternoon.",
            ),
            ("subheading", "Highway shut, trains diverted"),
            (
                "paragraph",
                "The valley highway between Kallarpet and Shantipuri was closed at two places where water crossed the "
                "road, leaving hundreds of lorries parked on the shoulders. Three express trains were diverted via the "
                "inland line and two passenger services cancelled. District collector Nandini Achar said the road "
                "would not reopen until engineers had checked a culvert near Ravipuram that was partly washed away.",
            ),
            (
                "quotation",
                {
                    "text": (
                        "The embankments held for thirty years, but they were built for a different river. We are "
                        "seeing in three days what used to fall in three weeks."
                    ),
                    "attribution": "Nandini Achar, district collector, Kallarpet",
                },
            ),
            (
                "paragraph",
                "In the relief camp at the Government Higher Secondary School in Kallarpet, families slept on "
                "classroom floors under ceiling fans borrowed from a nearby wedding hall. Volunteers from the town's "
                "traders' association ran a kitchen serving rice, dal and buttermilk to about 1,500 people. Several "
                "residents said they had received a warning on their phones only an hour before the water entered "
                "their homes.",
            ),
            ("subheading", "Doctors watch for water-borne illness"),
            (
                "paragraph",
                "The district health office has set up medical posts at 26 camps and begun distributing chlorine "
                "tablets and oral rehydration salts. Dr Imran Sheikh, the district's chief medical officer, said teams "
                "would watch for diarrhoea, leptospirosis and skin infections over the next fortnight, when such cases "
                "usually rise after floods. Wells in 19 villages have been marked unsafe until they are cleaned and "
                "tested.",
            ),
            (
                "paragraph",
                "The state government announced an immediate grant of Rs 5,000 for each displaced family and said a "
                "fuller assessment of crop losses would begin once the water receded. Farmers' groups said paddy close "
                "to harvest had been flattened across several thousand hectares, and asked for the assessment to be "
                "finished before the next sowing season.",
            ),
        ],
        "updated": None,
    },
]
